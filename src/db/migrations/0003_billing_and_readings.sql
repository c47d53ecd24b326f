-- Bills and payments from marketing/billing (SG186). Keys include customer_id so that the
-- tables can be hash-distributed by customer when one server is outgrown.
CREATE TABLE bill (
  customer_id bigint NOT NULL REFERENCES customer (customer_id),
  bill_no     text NOT NULL,
  period      date NOT NULL,            -- first day of the billed month
  kwh         numeric NOT NULL CHECK (kwh >= 0),
  amount      numeric NOT NULL,         -- yuan
  issued_on   date NOT NULL,
  due_date    date NOT NULL,
  source      text NOT NULL DEFAULT 'manual',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, bill_no)
);
CREATE INDEX bill_period_idx ON bill (customer_id, period);

CREATE TABLE payment (
  customer_id bigint NOT NULL REFERENCES customer (customer_id),
  payment_no  text NOT NULL,
  bill_no     text,
  amount      numeric NOT NULL,
  -- auto_debit, app, wechat, alipay, hall, bank_counter, prepaid
  channel     text NOT NULL,
  paid_at     timestamptz NOT NULL,
  due_date    date,
  source      text NOT NULL DEFAULT 'manual',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, payment_no)
);

-- Daily readings from the collection system, one row per customer and month with one array
-- element per day (index 1 = the 1st). 20,000 customers × 12 months are 240k rows instead of
-- 7.3 M, which keeps the embedded database's first start near a minute; set-based SQL reads
-- days with unnest(... ) WITH ORDINALITY. NULL elements are days with no reading.
CREATE TABLE meter_reading_month (
  customer_id   bigint NOT NULL REFERENCES customer (customer_id),
  month         date NOT NULL,
  meter_no      text NOT NULL,
  kwh           real[] NOT NULL,
  peak_kwh      real[],
  flat_kwh      real[],
  valley_kwh    real[],
  max_load_kw   real[],
  power_factor  real[],
  source        text NOT NULL DEFAULT 'manual',
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, month)
);
