-- R50 for inserted lines, checked once per statement (a transition table) instead of one plpgsql call
-- per line: the invoice run inserts up to 20,000 lines a statement, and the row trigger was ~40 % of
-- that insert's time (bench/RESULTS.md "Invoice run"). UPDATE and DELETE keep the row trigger.
DROP TRIGGER invoice_lines_immutable ON invoice_lines;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION voltlane_invoice_line_immutable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voltlane_invoice_lines_inserted() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM inserted_lines l LEFT JOIN invoices i ON i.id = l.invoice_id
    WHERE i.status IS DISTINCT FROM 'draft'
  ) THEN
    RAISE EXCEPTION 'lines of an issued invoice are immutable (R50)' USING ERRCODE = 'P0050';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_insert_immutable AFTER INSERT ON invoice_lines
  REFERENCING NEW TABLE AS inserted_lines
  FOR EACH STATEMENT EXECUTE FUNCTION voltlane_invoice_lines_inserted();
