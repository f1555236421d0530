-- A small shop with one of everything the SQLite driver must read.
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    email       TEXT NOT NULL,
    first_name  TEXT NOT NULL,
    last_name   TEXT,
    full_name   TEXT GENERATED ALWAYS AS (first_name || ' ' || coalesce(last_name, '')) VIRTUAL,
    tier        TEXT NOT NULL DEFAULT 'bronze',
    created_at  TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE orders (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers ON DELETE CASCADE,
    status       TEXT NOT NULL DEFAULT 'new',
    placed_at    TIMESTAMP NOT NULL
);
CREATE TABLE order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    line_no     INTEGER NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  NUMERIC(10, 2) NOT NULL,
    total       NUMERIC(12, 2) GENERATED ALWAYS AS (quantity * unit_price) STORED,
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE returns (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER NOT NULL,
    line_no   INTEGER NOT NULL,
    reason    TEXT,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE TABLE stock (
    sku        TEXT NOT NULL,
    warehouse  TEXT NOT NULL,
    on_hand    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (warehouse, sku)
) WITHOUT ROWID;
CREATE TABLE ledger (entry INTEGER PRIMARY KEY, amount REAL NOT NULL) STRICT;

CREATE UNIQUE INDEX customers_email ON customers (lower(email));
CREATE INDEX orders_open ON orders (customer_id, placed_at DESC) WHERE status IN ('new', 'paid');
CREATE INDEX customers_name ON customers (last_name, first_name);

CREATE VIEW open_orders AS
    SELECT o.id, c.email, o.placed_at FROM orders AS o JOIN customers AS c ON c.id = o.customer_id
    WHERE o.status <> 'done';

INSERT INTO customers (id, email, first_name, last_name) VALUES (1, 'a@example.com', 'Ada', 'L'), (2, 'b@example.com', 'Bo', NULL);
INSERT INTO orders (id, customer_id, status, placed_at) VALUES (10, 1, 'new', '2024-01-01'), (11, 2, 'done', '2024-01-02'), (12, 1, 'paid', '2024-01-03');
INSERT INTO order_lines (order_id, line_no, quantity, unit_price) VALUES (10, 1, 2, 3.5), (10, 2, 1, 10);
