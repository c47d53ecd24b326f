-- A portrait refresh reads a batch of customers' traces of the last twelve months
-- (src/portraits/definitions/customer-sources.ts, source 'trace'). Through
-- trace_customer_idx (customer_id, occurred_at) each of those traces cost a heap page of its
-- own: traces are stored as they arrive, so a customer's year is spread over as many pages as
-- it has traces. At 200,000 customers a batch of 2,000 read ~115,000 pages; at 1,000,000 (a
-- database twice the machine's memory) those are disk reads. The same key with the columns
-- the features read included lets that statement scan the index alone, already in customer
-- order: ~35,000 pages, 2.5x faster; with the caches dropped, incremental p50 at 2,000
-- traces/s 22.3 s -> 13.3-14.6 s (docs/portraits.md, benchmark). It replaces
-- trace_customer_idx, whose key it repeats. Its price is size (~155 bytes a trace more);
-- import throughput did not measurably change (bench/import-bench.ts, 20,000 customers).
CREATE INDEX trace_customer_covering_idx ON trace (customer_id, occurred_at)
  INCLUDE (trace_type, direction, channel, attributes);
DROP INDEX trace_customer_idx;
