"""Prints SQL for a synthetic reporting database of N tables, deterministic for a given N.

Realistic on purpose: several schemas, business-like names, 5-30 columns of mixed types, a primary key
on every table, foreign keys by the `<table>_id` naming convention (most declared, some not), comments
on a third of the tables and some columns, a view for every 25 tables, and a few rows so that ANALYZE
gives estimates.
"""
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
# With a second argument, every reference (declared or not) is written there, one per line as
# bench/relationships_score.py reads them.
truth_file = sys.argv[2] if len(sys.argv) > 2 else None
truth = []
random.seed(count)
schemas = ["sales", "finance", "marketing", "operations", "hr", "inventory", "analytics", "staging"]
entities = ["customer", "order", "invoice", "product", "shipment", "payment", "account", "campaign", "employee",
            "supplier", "warehouse", "ledger_entry", "subscription", "refund", "visit", "lead", "contract", "asset"]
qualifiers = ["", "daily", "monthly", "archive", "snapshot", "detail", "summary", "staging", "history", "audit"]
types = ["integer", "bigint", "text", "varchar(120)", "numeric(12,2)", "timestamptz", "date", "boolean", "jsonb", "uuid"]

DEFAULTS = {"integer": "0", "bigint": "0", "text": "''", "varchar(120)": "''", "numeric(12,2)": "0", "timestamptz": "now()",
            "date": "current_date", "boolean": "false", "jsonb": "'{}'", "uuid": "'00000000-0000-0000-0000-000000000000'"}

out = ["SET client_min_messages = warning;"] + [f"CREATE SCHEMA {s};" for s in schemas]
tables = []  # (schema, name)
for i in range(count):
    schema = schemas[i % len(schemas)]
    entity = entities[(i // len(schemas)) % len(entities)]
    qualifier = qualifiers[(i // (len(schemas) * len(entities))) % len(qualifiers)]
    name = "_".join(p for p in (entity, qualifier, str(i)) if p)
    columns = ["id bigint PRIMARY KEY"]
    keys = []
    for j in range(random.randint(5, 30) - 1):
        if j < 3 and tables and random.random() < 0.5:
            target_schema, target = random.choice(tables[-400:])
            column = f"{target}_id"
            columns.append(f"{column} bigint")
            if column not in [c.split()[0] for c in columns[:-1]]:
                truth.append(f"{schema}.{name}\t{column}\t{target_schema}.{target}\tid")
            if random.random() < 0.8:
                keys.append(f"ALTER TABLE {schema}.{name} ADD FOREIGN KEY ({column}) REFERENCES {target_schema}.{target} (id);")
        else:
            kind = random.choice(types)
            columns.append(f"attr_{j} {kind}{' NOT NULL DEFAULT ' + DEFAULTS[kind] if random.random() < 0.3 else ''}")
    columns.append("created_at timestamptz NOT NULL DEFAULT now()")
    out.append(f"CREATE TABLE {schema}.{name} ({', '.join(dict.fromkeys(columns))});")
    out.extend(keys)
    if i % 3 == 0:
        out.append(f"COMMENT ON TABLE {schema}.{name} IS 'The {qualifier or 'current'} {entity.replace('_', ' ')} records, number {i}.';")
        out.append(f"COMMENT ON COLUMN {schema}.{name}.id IS 'Surrogate key of the {entity.replace('_', ' ')}.';")
    if i % 25 == 24:
        out.append(f"CREATE VIEW {schema}.v_{name} AS SELECT id, created_at FROM {schema}.{name};")
    if i % 10 == 0:
        out.append(f"INSERT INTO {schema}.{name} (id) SELECT g FROM generate_series(1, 50) g;")
    tables.append((schema, name))
out.append("ANALYZE;")
print("\n".join(out))
if truth_file:
    with open(truth_file, "w", encoding="utf-8") as f:
        f.write("\n".join(truth) + "\n")
