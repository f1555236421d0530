-- One of everything the PostgreSQL driver must read, over two schemas.
CREATE SCHEMA sales;
CREATE SCHEMA audit;
COMMENT ON SCHEMA sales IS 'Orders and customers';

CREATE TYPE sales.order_status AS ENUM ('new', 'paid', 'shipped', 'it''s complicated');
CREATE DOMAIN sales.email AS varchar(320) CHECK (VALUE LIKE '%@%');

CREATE TABLE sales.customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       sales.email NOT NULL UNIQUE,
    name        text NOT NULL,
    tags        text[],
    score       numeric(6, 2) DEFAULT 0 CHECK (score >= 0),
    name_upper  text GENERATED ALWAYS AS (upper(name)) STORED
);
COMMENT ON TABLE sales.customers IS 'People who buy <things>';
COMMENT ON COLUMN sales.customers.email IS 'Where receipts go';

CREATE TABLE sales.orders (
    id           serial PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES sales.customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    status       sales.order_status NOT NULL DEFAULT 'new',
    placed_at    timestamptz NOT NULL,
    note         varchar(200)
);
CREATE INDEX orders_open ON sales.orders (customer_id) WHERE status <> 'shipped';
CREATE INDEX orders_note_lower ON sales.orders (lower(note));

CREATE TABLE sales.order_lines (
    order_id  integer NOT NULL REFERENCES sales.orders (id),
    line_no   integer NOT NULL,
    quantity  integer NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- A cross-schema, multi-column key.
CREATE TABLE audit.line_events (
    id        bigserial PRIMARY KEY,
    order_id  integer NOT NULL,
    line_no   integer NOT NULL,
    during    tstzrange NOT NULL,
    payload   jsonb,
    FOREIGN KEY (order_id, line_no) REFERENCES sales.order_lines (order_id, line_no) ON UPDATE RESTRICT,
    EXCLUDE USING gist (during WITH &&)
);
CREATE INDEX line_events_payload ON audit.line_events USING gin (payload);

CREATE TABLE audit.secrets (id int PRIMARY KEY, value text);

-- Partitioned by range, one partition itself partitioned by list.
CREATE TABLE sales.events (
    happened_at  date NOT NULL,
    kind         text NOT NULL,
    customer_id  bigint REFERENCES sales.customers (id)
) PARTITION BY RANGE (happened_at);
CREATE TABLE sales.events_2024 PARTITION OF sales.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE sales.events_2025 PARTITION OF sales.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
    PARTITION BY LIST (kind);
CREATE TABLE sales.events_2025_click PARTITION OF sales.events_2025 FOR VALUES IN ('click');
CREATE TABLE sales.events_2025_other PARTITION OF sales.events_2025 DEFAULT;

CREATE VIEW sales.open_orders AS
    SELECT o.id, c.email, o.placed_at FROM sales.orders o JOIN sales.customers c ON c.id = o.customer_id
    WHERE o.status <> 'shipped';
CREATE MATERIALIZED VIEW sales.daily_totals AS
    SELECT o.placed_at::date AS day, count(*) AS orders FROM sales.orders o GROUP BY 1;

CREATE FOREIGN DATA WRAPPER scribe_dummy;
CREATE SERVER scribe_remote FOREIGN DATA WRAPPER scribe_dummy;
CREATE FOREIGN TABLE audit.remote_log (id int, line text) SERVER scribe_remote;

INSERT INTO sales.customers (email, name) VALUES ('a@example.com', 'Ada'), ('b@example.com', 'Bo');
INSERT INTO sales.orders (customer_id, status, placed_at) VALUES (1, 'new', now()), (2, 'paid', now());
ANALYZE;

-- A reader that may see the catalog but not the secrets.
DO $$ BEGIN CREATE ROLE scribe_reader LOGIN PASSWORD 'reader-pw-123'; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT USAGE ON SCHEMA sales, audit TO scribe_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA sales TO scribe_reader;
GRANT SELECT ON audit.line_events TO scribe_reader;
