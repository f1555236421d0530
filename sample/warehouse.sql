-- Schema Scribe sample: "Northwind Outfitters", the reporting copy of a small retail chain.
-- Deterministic: the data comes from recursive CTEs and arithmetic, so every build has the same rows.
-- Build with: sqlite3 sample/warehouse.sqlite < sample/warehouse.sql   (scripts/build-sample does it)
PRAGMA foreign_keys = ON;
BEGIN;

CREATE TABLE regions (
    region_id     INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    country_code  TEXT NOT NULL CHECK (length(country_code) = 2)
);

CREATE TABLE stores (
    store_id       INTEGER PRIMARY KEY,
    region_id      INTEGER NOT NULL REFERENCES regions (region_id),
    name           TEXT NOT NULL,
    opened_on      DATE NOT NULL,
    square_meters  INTEGER,
    is_flagship    BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE employees (
    employee_id  INTEGER PRIMARY KEY,
    store_id     INTEGER NOT NULL REFERENCES stores (store_id),
    manager_id   INTEGER REFERENCES employees (employee_id) ON DELETE SET NULL,
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL,
    email        TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL DEFAULT 'associate',
    hired_on     DATE NOT NULL
);

CREATE TABLE customers (
    customer_id   INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    first_name    TEXT NOT NULL,
    last_name     TEXT NOT NULL,
    full_name     TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) VIRTUAL,
    region_id     INTEGER REFERENCES regions (region_id),
    loyalty_tier  TEXT NOT NULL DEFAULT 'bronze' CHECK (loyalty_tier IN ('bronze', 'silver', 'gold')),
    signed_up_at  TIMESTAMP NOT NULL,
    deleted_at    TIMESTAMP
);

CREATE TABLE addresses (
    address_id    INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('billing', 'shipping')),
    line1         TEXT NOT NULL,
    city          TEXT NOT NULL,
    postal_code   TEXT NOT NULL,
    country_code  TEXT NOT NULL
);

CREATE TABLE product_categories (
    category_id         INTEGER PRIMARY KEY,
    parent_category_id  INTEGER REFERENCES product_categories (category_id),
    name                TEXT NOT NULL
);

CREATE TABLE suppliers (
    supplier_id    INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    country_code   TEXT NOT NULL,
    contact_email  TEXT
);

CREATE TABLE products (
    product_id       INTEGER PRIMARY KEY,
    sku              TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    category_id      INTEGER NOT NULL REFERENCES product_categories (category_id),
    supplier_id      INTEGER REFERENCES suppliers (supplier_id),
    list_price       NUMERIC(10, 2) NOT NULL CHECK (list_price >= 0),
    is_active        BOOLEAN NOT NULL DEFAULT 1,
    discontinued_at  TIMESTAMP
);

CREATE TABLE orders (
    order_id             INTEGER PRIMARY KEY,
    customer_id          INTEGER NOT NULL REFERENCES customers (customer_id),
    store_id             INTEGER REFERENCES stores (store_id),
    shipping_address_id  INTEGER REFERENCES addresses (address_id),
    channel              TEXT NOT NULL CHECK (channel IN ('web', 'store', 'phone')),
    status               TEXT NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
    ordered_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL
);

CREATE TABLE order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    line_no     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL REFERENCES products (product_id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(10, 2) NOT NULL,
    discount    NUMERIC(10, 2) NOT NULL DEFAULT 0,
    line_total  NUMERIC(12, 2) GENERATED ALWAYS AS (round(quantity * unit_price - discount, 2)) STORED,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shipments (
    shipment_id      INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (order_id),
    carrier          TEXT NOT NULL,
    tracking_number  TEXT,
    shipped_at       TIMESTAMP NOT NULL,
    delivered_at     TIMESTAMP
);

-- Which order lines went into which parcel: the multi-column key points at one order line.
CREATE TABLE shipment_lines (
    shipment_id  INTEGER NOT NULL REFERENCES shipments (shipment_id) ON DELETE CASCADE,
    order_id     INTEGER NOT NULL,
    line_no      INTEGER NOT NULL,
    quantity     INTEGER NOT NULL,
    PRIMARY KEY (shipment_id, order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) ON UPDATE CASCADE
);

CREATE TABLE payments (
    payment_id  INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (order_id),
    method      TEXT NOT NULL CHECK (method IN ('card', 'gift_card', 'cash', 'invoice')),
    amount      NUMERIC(12, 2) NOT NULL,
    status      TEXT NOT NULL,
    paid_at     TIMESTAMP NOT NULL
);

-- Stock per store and product, keyed by both: a clustered WITHOUT ROWID table.
CREATE TABLE inventory_levels (
    store_id       INTEGER NOT NULL REFERENCES stores (store_id),
    product_id     INTEGER NOT NULL REFERENCES products (product_id),
    on_hand        INTEGER NOT NULL DEFAULT 0,
    reorder_point  INTEGER NOT NULL DEFAULT 5,
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (store_id, product_id)
) WITHOUT ROWID;

CREATE TABLE promotions (
    promotion_id  INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    percent_off   INTEGER NOT NULL CHECK (percent_off BETWEEN 1 AND 90),
    starts_on     DATE NOT NULL,
    ends_on       DATE NOT NULL
);

CREATE TABLE order_promotions (
    order_id      INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    promotion_id  INTEGER NOT NULL REFERENCES promotions (promotion_id),
    PRIMARY KEY (order_id, promotion_id)
);

-- Nightly aggregate the dashboards read; rebuilt by the ETL job, not written by the shop.
CREATE TABLE daily_store_sales (
    sales_date     DATE NOT NULL,
    store_id       INTEGER NOT NULL REFERENCES stores (store_id),
    orders_count   INTEGER NOT NULL,
    units_sold     INTEGER NOT NULL,
    gross_revenue  NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (sales_date, store_id)
);

CREATE UNIQUE INDEX customers_email_lower ON customers (lower(email));
CREATE INDEX customers_region ON customers (region_id) WHERE deleted_at IS NULL;
CREATE INDEX orders_customer ON orders (customer_id, ordered_at DESC);
CREATE INDEX orders_open_status ON orders (status) WHERE status IN ('pending', 'paid');
CREATE INDEX order_lines_product ON order_lines (product_id);
CREATE INDEX products_category ON products (category_id);
CREATE INDEX payments_order ON payments (order_id);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE VIEW order_totals AS
SELECT o.order_id,
       o.customer_id,
       o.ordered_at,
       count(l.line_no)            AS line_count,
       sum(l.quantity)             AS units,
       round(sum(l.line_total), 2) AS net_amount
FROM orders AS o
JOIN order_lines AS l ON l.order_id = o.order_id
WHERE o.status <> 'cancelled'
GROUP BY o.order_id, o.customer_id, o.ordered_at;

CREATE VIEW customer_lifetime_value AS
SELECT c.customer_id,
       c.full_name,
       c.loyalty_tier,
       count(t.order_id)                   AS orders,
       coalesce(round(sum(t.net_amount), 2), 0) AS lifetime_value,
       max(t.ordered_at)                   AS last_ordered_at
FROM customers AS c
LEFT JOIN order_totals AS t ON t.customer_id = c.customer_id
WHERE c.deleted_at IS NULL
GROUP BY c.customer_id, c.full_name, c.loyalty_tier;

CREATE VIEW low_stock AS
SELECT s.name AS store, p.sku, p.name AS product, i.on_hand, i.reorder_point
FROM inventory_levels AS i
JOIN stores AS s ON s.store_id = i.store_id
JOIN products AS p ON p.product_id = i.product_id
WHERE i.on_hand <= i.reorder_point AND p.is_active = 1;

CREATE VIEW monthly_revenue AS
SELECT substr(sales_date, 1, 7) AS month, store_id, sum(orders_count) AS orders, sum(gross_revenue) AS revenue
FROM daily_store_sales
GROUP BY substr(sales_date, 1, 7), store_id;

-- ---------------------------------------------------------------- data
INSERT INTO regions (region_id, name, country_code) VALUES
    (1, 'Pacific Northwest', 'US'), (2, 'New England', 'US'), (3, 'Ontario', 'CA'),
    (4, 'Bavaria', 'DE'), (5, 'Scotland', 'GB');

INSERT INTO stores (store_id, region_id, name, opened_on, square_meters, is_flagship) VALUES
    (1, 1, 'Seattle Pike Place', '2015-03-01', 1200, 1), (2, 1, 'Portland Pearl', '2017-06-15', 800, 0),
    (3, 2, 'Boston Back Bay', '2016-09-10', 950, 0), (4, 3, 'Toronto Queen West', '2018-04-21', 700, 0),
    (5, 4, 'Munich Marienplatz', '2019-11-02', 1100, 1), (6, 5, 'Edinburgh Royal Mile', '2021-05-30', 600, 0);

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48)
INSERT INTO employees (employee_id, store_id, manager_id, first_name, last_name, email, role, hired_on)
SELECT i, (i - 1) % 6 + 1, CASE WHEN i <= 6 THEN NULL ELSE (i - 1) % 6 + 1 END,
       json_extract('["Ava","Ben","Cara","Dev","Eli","Finn","Gia","Hal","Ivy","Jon","Kai","Lea"]', '$[' || (i * 5 % 12) || ']'),
       json_extract('["Park","Lee","Khan","Mora","Nagy","Ortiz","Ross","Silva","Tanaka","Ullo","Vogt","Weir"]', '$[' || (i * 7 % 12) || ']'),
       'employee' || i || '@northwind-outfitters.example',
       CASE WHEN i <= 6 THEN 'store_manager' WHEN i % 5 = 0 THEN 'cashier' ELSE 'associate' END,
       date('2015-03-01', '+' || (i * 37) || ' days')
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
INSERT INTO customers (customer_id, email, first_name, last_name, region_id, loyalty_tier, signed_up_at, deleted_at)
SELECT i,
       'customer' || i || '@mail.example',
       json_extract('["Olivia","Liam","Emma","Noah","Amelia","Mateo","Sofia","Arjun","Mei","Lucas","Zara","Tomas"]', '$[' || (i % 12) || ']'),
       json_extract('["Smith","Jones","Garcia","Brown","Miller","Nguyen","Okafor","Schmidt","Rossi","Kowalski","Haddad"]', '$[' || (i * 7 % 11) || ']'),
       (i * 13) % 5 + 1,
       CASE WHEN i % 10 = 0 THEN 'gold' WHEN i % 3 = 0 THEN 'silver' ELSE 'bronze' END,
       datetime('2019-01-01', '+' || ((i * 1931) % 1800) || ' days', '+' || (i % 86400) || ' seconds'),
       CASE WHEN i % 97 = 0 THEN datetime('2024-06-01', '+' || i || ' hours') END
FROM n;

INSERT INTO addresses (address_id, customer_id, kind, line1, city, postal_code, country_code)
SELECT customer_id, customer_id, 'shipping', (customer_id * 17) % 900 + 1 || ' Main Street',
       json_extract('["Seattle","Boston","Toronto","Munich","Glasgow"]', '$[' || (customer_id % 5) || ']'),
       printf('%05d', (customer_id * 7919) % 99999), 'US'
FROM customers;

INSERT INTO product_categories (category_id, parent_category_id, name) VALUES
    (1, NULL, 'Outdoor'), (2, 1, 'Tents'), (3, 1, 'Backpacks'), (4, NULL, 'Apparel'),
    (5, 4, 'Jackets'), (6, 4, 'Footwear'), (7, NULL, 'Accessories');

INSERT INTO suppliers (supplier_id, name, country_code, contact_email) VALUES
    (1, 'Cascade Gear Co.', 'US', 'sales@cascade.example'), (2, 'Alpenwerk GmbH', 'DE', 'vertrieb@alpenwerk.example'),
    (3, 'Highland Textiles', 'GB', NULL), (4, 'Maple Leaf Outdoor', 'CA', 'orders@mapleleaf.example');

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
INSERT INTO products (product_id, sku, name, category_id, supplier_id, list_price, is_active, discontinued_at)
SELECT i, printf('NWO-%04d', i),
       json_extract('["Summit","Ridge","Trail","Basin","Canyon","Glacier","Cedar","Harbor"]', '$[' || (i * 7 % 8) || ']') || ' '
           || json_extract('["2P Tent","Daypack 28L","Rain Jacket","Hiking Boot","Wool Cap","Steel Bottle"]', '$[' || (i % 6) || ']'),
       (i % 6) + 2, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 4 + 1 END,
       round(9.99 + (i * 37 % 400) + 0.5, 2), i % 17 <> 0,
       CASE WHEN i % 17 = 0 THEN datetime('2023-01-01', '+' || i || ' days') END
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO orders (order_id, customer_id, store_id, shipping_address_id, channel, status, ordered_at, updated_at)
SELECT i, (i * 7919) % 600 + 1,
       CASE WHEN i % 3 = 0 THEN NULL ELSE i % 6 + 1 END,
       CASE WHEN i % 3 = 0 THEN (i * 7919) % 600 + 1 END,
       CASE WHEN i % 3 = 0 THEN 'web' WHEN i % 7 = 0 THEN 'phone' ELSE 'store' END,
       CASE WHEN i % 41 = 0 THEN 'cancelled' WHEN i > 2950 THEN 'pending' WHEN i > 2900 THEN 'paid'
            WHEN i > 2800 THEN 'shipped' ELSE 'delivered' END,
       datetime('2023-01-01', '+' || (i * 5) || ' hours'),
       datetime('2023-01-01', '+' || (i * 5 + 30) || ' hours')
FROM n;

WITH RECURSIVE n(l) AS (SELECT 1 UNION ALL SELECT l + 1 FROM n WHERE l < 4)
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price, discount)
SELECT o.order_id, n.l, (o.order_id * 31 + n.l * 17) % 120 + 1, (o.order_id + n.l) % 3 + 1,
       p.list_price, CASE WHEN o.order_id % 9 = 0 THEN 5 ELSE 0 END
FROM orders AS o
JOIN n ON n.l <= o.order_id % 4 + 1
JOIN products AS p ON p.product_id = (o.order_id * 31 + n.l * 17) % 120 + 1;

INSERT INTO shipments (shipment_id, order_id, carrier, tracking_number, shipped_at, delivered_at)
SELECT order_id, order_id, CASE order_id % 3 WHEN 0 THEN 'UPS' WHEN 1 THEN 'DHL' ELSE 'Canada Post' END,
       printf('1Z%010d', order_id * 7919), datetime(ordered_at, '+1 day'),
       CASE WHEN status = 'delivered' THEN datetime(ordered_at, '+4 days') END
FROM orders WHERE channel = 'web' AND status IN ('shipped', 'delivered');

INSERT INTO shipment_lines (shipment_id, order_id, line_no, quantity)
SELECT s.shipment_id, l.order_id, l.line_no, l.quantity
FROM shipments AS s JOIN order_lines AS l ON l.order_id = s.order_id;

INSERT INTO payments (payment_id, order_id, method, amount, status, paid_at)
SELECT t.order_id, t.order_id,
       CASE WHEN t.order_id % 10 = 0 THEN 'gift_card' WHEN t.order_id % 13 = 0 THEN 'invoice'
            WHEN t.order_id % 4 = 0 THEN 'cash' ELSE 'card' END,
       t.net_amount, 'captured', datetime(t.ordered_at, '+10 minutes')
FROM order_totals AS t JOIN orders AS o ON o.order_id = t.order_id WHERE o.status <> 'pending';

INSERT INTO inventory_levels (store_id, product_id, on_hand, reorder_point, updated_at)
SELECT s.store_id, p.product_id, (s.store_id * 7 + p.product_id * 13) % 40, 5 + p.product_id % 5, '2025-06-30 23:00:00'
FROM stores AS s CROSS JOIN products AS p;

INSERT INTO promotions (promotion_id, code, name, percent_off, starts_on, ends_on) VALUES
    (1, 'SPRING23', 'Spring sale 2023', 15, '2023-03-20', '2023-04-10'),
    (2, 'TRAIL10', 'Trail club member discount', 10, '2023-01-01', '2025-12-31'),
    (3, 'BLACKFRI', 'Black Friday', 30, '2023-11-24', '2023-11-27'),
    (4, 'WELCOME', 'First order welcome', 5, '2023-01-01', '2025-12-31');

INSERT INTO order_promotions (order_id, promotion_id)
SELECT order_id, order_id % 4 + 1 FROM orders WHERE order_id % 6 = 0;

INSERT INTO daily_store_sales (sales_date, store_id, orders_count, units_sold, gross_revenue)
SELECT date(o.ordered_at), o.store_id, count(DISTINCT o.order_id), sum(l.quantity), round(sum(l.line_total), 2)
FROM orders AS o JOIN order_lines AS l ON l.order_id = o.order_id
WHERE o.store_id IS NOT NULL AND o.status <> 'cancelled'
GROUP BY date(o.ordered_at), o.store_id;

COMMIT;
ANALYZE;
