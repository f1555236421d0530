-- Customers and orders with no declared key between them, and columns whose names promise a reference
-- their values do not keep: a legacy id from another system, a region code of a table that holds others.
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO customers SELECT i, 'customer ' || i FROM n;
CREATE TABLE regions (region_code TEXT PRIMARY KEY, label TEXT);
INSERT INTO regions VALUES ('north', 'North'), ('south', 'South');
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, previous_customer_id INTEGER, region_code TEXT, note TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO orders SELECT i, 1 + i % 200, 900000 + i, CASE i % 3 WHEN 0 THEN 'north' WHEN 1 THEN 'east' ELSE 'west' END, NULL FROM n;
CREATE TABLE empty_orders (id INTEGER PRIMARY KEY, customer_id INTEGER);
