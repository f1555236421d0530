"""A synthetic SQLite database of N tables (default 5000, about 93,000 columns at 5000) for benchmarks and
scale tests: ten name stems, 5 to 30 columns a table, and foreign keys from most tables to earlier ones, so a
few early tables are hubs referenced by hundreds.

Usage: python3 bench/generate_sqlite_schema.py PATH [N]
"""
import random
import sqlite3
import sys

WORDS = ["customer", "order", "invoice", "product", "shipment", "payment", "account", "event", "session", "ledger"]


def generate(path, count=5000):
    random.seed(7)
    statements = []
    for i in range(count):
        name = f"{WORDS[i % len(WORDS)]}_{i}"
        columns = ["id INTEGER PRIMARY KEY"]
        for j in range(random.randint(5, 30) - 1):
            if j < 2 and i >= len(WORDS) and random.random() < 0.6:
                target = random.randrange(i)
                stem = WORDS[target % len(WORDS)]
                columns.append(f"ref{j}_{stem}_{target}_id INTEGER REFERENCES {stem}_{target} (id)")
            else:
                columns.append(f"attribute_{j} {random.choice(['TEXT', 'INTEGER', 'NUMERIC(12, 2)', 'TIMESTAMP'])}")
        statements.append(f"CREATE TABLE {name} ({', '.join(columns)});")
    db = sqlite3.connect(path)
    db.executescript("\n".join(statements))
    db.close()


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
