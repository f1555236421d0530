"""Prints SQL for a small reporting database with data whose names promise references its values do not keep.

    python3 bench/relationships_decoys.py > decoys.sql     # then: TRUTH lines on stderr

Real references (customer_id, store_id, created_by, ...) hold values the parent key has. Decoys are named
like references and hold something else: an id from a legacy system, a code list of another standard, the
customer numbers of a different system. From names alone they look real; only the data tells. Deterministic.
"""
import random
import sys

random.seed(13)
out = ["SET client_min_messages = warning;"]
truth = []


def table(name, columns, rows):
    out.append(f"CREATE TABLE {name} ({', '.join(columns)});")
    for start in range(0, len(rows), 500):
        values = ", ".join("(" + ", ".join(v for v in row) + ")" for row in rows[start:start + 500])
        out.append(f"INSERT INTO {name} VALUES {values};")


def q(text):
    return "'" + text.replace("'", "''") + "'"


def ref(child, column, parent, key):
    truth.append(f"public.{child}\t{column}\tpublic.{parent}\t{key}")


customers = list(range(1, 401))
table("customers", ["id integer PRIMARY KEY", "name text"], [(str(i), q(f"customer {i}")) for i in customers])
stores = list(range(1, 31))
table("stores", ["store_id integer PRIMARY KEY", "city text"], [(str(i), q(f"city {i}")) for i in stores])
employees = list(range(1, 61))
table("employees", ["employee_id integer PRIMARY KEY", "name text", "manager_id integer"],
      [(str(i), q(f"employee {i}"), str(random.choice(employees[:5]))) for i in employees])
ref("employees", "manager_id", "employees", "employee_id")
regions = ["north", "south", "east", "west"]
table("regions", ["region_code text PRIMARY KEY", "label text"], [(q(r), q(r.title())) for r in regions])
currencies = ["EUR", "USD", "GBP", "JPY"]
table("currencies", ["currency_code char(3) PRIMARY KEY", "name text"], [(q(c), q(c)) for c in currencies])
products = list(range(1, 301))
table("products", ["id integer PRIMARY KEY", "sku text", "category_id integer"],
      [(str(i), q(f"SKU-{i}"), str(1 + i % 12)) for i in products])
table("categories", ["id integer PRIMARY KEY", "name text"], [(str(i), q(f"category {i}")) for i in range(1, 13)])
ref("products", "category_id", "categories", "id")
suppliers = list(range(100, 140))
table("suppliers", ["supplier_no integer PRIMARY KEY", "name text"], [(str(i), q(f"supplier {i}")) for i in suppliers])
campaigns = list(range(1, 21))
table("campaigns", ["id integer PRIMARY KEY", "name text"], [(str(i), q(f"campaign {i}")) for i in campaigns])

orders = list(range(1, 3001))
table("orders", ["id integer PRIMARY KEY", "customer_id integer", "store_id integer", "created_by integer",
                 "currency_code char(3)", "legacy_customer_id integer", "previous_store_id integer", "region_code text",
                 "placed_at timestamp"],
      [(str(i), str(random.choice(customers)), str(random.choice(stores)), str(random.choice(employees)),
        q(random.choice(currencies)), str(700000 + i), str(5000 + random.randrange(500)),
        q(random.choice(["NE", "SW", "C1", "X9"])), q("2026-01-01")) for i in orders])
ref("orders", "customer_id", "customers", "id")
ref("orders", "store_id", "stores", "store_id")
ref("orders", "created_by", "employees", "employee_id")
ref("orders", "currency_code", "currencies", "currency_code")
items = list(range(1, 8001))
table("order_items", ["id integer PRIMARY KEY", "order_id integer", "product_id integer", "line_no integer", "quantity integer"],
      [(str(i), str(random.choice(orders)), str(random.choice(products)), str(1 + i % 5), str(1 + i % 9)) for i in items])
ref("order_items", "order_id", "orders", "id")
ref("order_items", "product_id", "products", "id")
table("returns", ["id integer PRIMARY KEY", "order_item_id integer", "reason text"],
      [(str(i), str(random.choice(items)), q("damaged")) for i in range(1, 301)])
ref("returns", "order_item_id", "order_items", "id")
table("product_suppliers", ["product_id integer", "supplier_no integer", "cost numeric(10,2)"],
      [(str(p), str(random.choice(suppliers)), "9.99") for p in products])
ref("product_suppliers", "product_id", "products", "id")
ref("product_suppliers", "supplier_no", "suppliers", "supplier_no")
# Hits are counted by the ad platform, whose customer numbers are its own.
table("campaign_hits", ["campaign_id integer", "customer_id integer", "hit_at timestamp"],
      [(str(random.choice(campaigns)), str(50000 + random.randrange(9000)), q("2026-01-02")) for _ in range(2000)])
ref("campaign_hits", "campaign_id", "campaigns", "id")
table("store_targets", ["store_id integer", "region_code text", "target numeric(12,2)"],
      [(str(s), q(random.choice(regions)), "1000.00") for s in stores])
ref("store_targets", "store_id", "stores", "store_id")
ref("store_targets", "region_code", "regions", "region_code")
out.append("ANALYZE;")
print("\n".join(out))
print("\n".join(truth), file=sys.stderr)
