-- Prefix search (LIKE 'abc%') on customer and employee numbers and employee names: the
-- unique indexes use the database collation, which only a C-collated database can use for LIKE.
CREATE INDEX customer_no_pattern_idx ON customer (customer_no text_pattern_ops);
CREATE INDEX employee_no_pattern_idx ON employee (employee_no text_pattern_ops);
CREATE INDEX employee_name_pattern_idx ON employee (name text_pattern_ops);
