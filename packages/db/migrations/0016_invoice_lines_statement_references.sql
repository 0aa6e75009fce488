-- Issue #8: the references of invoice lines are checked once per statement instead of once per line.
-- A per-row foreign key runs one lookup with a row lock for every line (two per line here: the
-- invoice and the provider), ~20 µs of PostgreSQL per line and 2,000,000 lines in a month of
-- 1,000,000 sessions (bench/RESULTS.md "Invoice run"). The same guarantees, set-based:
--   * an inserted line's invoice exists and has the line's provider (which the invoice references);
--   * a line never moves to another invoice or provider (the row trigger below);
--   * an invoice that still has lines cannot be deleted.
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_provider_id_providers_id_fk";
--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voltlane_invoice_lines_inserted() RETURNS trigger AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM inserted_lines l LEFT JOIN invoices i ON i.id = l.invoice_id
    WHERE i.id IS NULL OR i.provider_id <> l.provider_id
  ) THEN
    RAISE EXCEPTION 'an invoice line must belong to an invoice of its provider'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (
    SELECT 1 FROM inserted_lines l JOIN invoices i ON i.id = l.invoice_id
    WHERE i.status <> 'draft'
  ) THEN
    RAISE EXCEPTION 'lines of an issued invoice are immutable (R50)' USING ERRCODE = 'P0050';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voltlane_invoice_line_immutable() RETURNS trigger AS $$
DECLARE
  parent_status text;
BEGIN
  SELECT status INTO parent_status FROM invoices
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
  IF TG_OP = 'UPDATE' AND (OLD.invoice_id IS DISTINCT FROM NEW.invoice_id
                           OR OLD.provider_id IS DISTINCT FROM NEW.provider_id) THEN
    RAISE EXCEPTION 'invoice lines cannot move (R50)' USING ERRCODE = 'P0050';
  END IF;
  IF parent_status IS DISTINCT FROM 'draft' THEN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'holds_item') = (to_jsonb(OLD) - 'holds_item') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'lines of an issued invoice are immutable (R50)' USING ERRCODE = 'P0050';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voltlane_invoices_deleted() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deleted_invoices d JOIN invoice_lines l ON l.invoice_id = d.id) THEN
    RAISE EXCEPTION 'an invoice with lines cannot be deleted; delete its lines first'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_deleted_without_lines AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS deleted_invoices
  FOR EACH STATEMENT EXECUTE FUNCTION voltlane_invoices_deleted();
