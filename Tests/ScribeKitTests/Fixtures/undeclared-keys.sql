-- A shop whose tables join on keys nobody declared: no FOREIGN KEY anywhere, so every join is left for the
-- relationships stage to suggest, and for people to accept or reject.
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, placed_at TEXT);
CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, product_id INTEGER NOT NULL, quantity INTEGER);
INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO products VALUES (1, 'Tea'), (2, 'Coffee');
INSERT INTO orders VALUES (1, 1, '2026-11-30'), (2, 2, '2026-12-01');
INSERT INTO order_lines VALUES (1, 1, 1, 2), (2, 1, 2, 1), (3, 2, 2, 3);
