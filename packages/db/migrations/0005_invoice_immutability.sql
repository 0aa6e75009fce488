-- R50: issued invoices never change. Only status, settlement, replaced_by_id and updated_at may move
-- once an invoice has left `draft`; lines of an issued invoice are frozen except `holds_item`, which a
-- credit note clears to release the session (R51). Works on PostgreSQL and PGlite (plpgsql).
CREATE OR REPLACE FUNCTION voltlane_invoice_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'issued invoice % cannot be deleted (R50)', OLD.number USING ERRCODE = 'P0050';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
       NEW.status = 'draft'
    OR NEW.number IS DISTINCT FROM OLD.number
    OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.series IS DISTINCT FROM OLD.series
    OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
    OR NEW.provider_id IS DISTINCT FROM OLD.provider_id
    OR NEW.period IS DISTINCT FROM OLD.period
    OR NEW.direction IS DISTINCT FROM OLD.direction
    OR NEW.currency IS DISTINCT FROM OLD.currency
    OR NEW.issue_date IS DISTINCT FROM OLD.issue_date
    OR NEW.due_date IS DISTINCT FROM OLD.due_date
    OR NEW.issued_at IS DISTINCT FROM OLD.issued_at
    OR NEW.net_total IS DISTINCT FROM OLD.net_total
    OR NEW.vat_total IS DISTINCT FROM OLD.vat_total
    OR NEW.total IS DISTINCT FROM OLD.total
    OR NEW.vat_breakdown IS DISTINCT FROM OLD.vat_breakdown
    OR NEW.reverse_charge IS DISTINCT FROM OLD.reverse_charge
    OR NEW.customer_snapshot IS DISTINCT FROM OLD.customer_snapshot
    OR NEW.provider_snapshot IS DISTINCT FROM OLD.provider_snapshot
    OR NEW.credits_invoice_id IS DISTINCT FROM OLD.credits_invoice_id
    OR NEW.pdf_key IS DISTINCT FROM OLD.pdf_key
    OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
  ) THEN
    RAISE EXCEPTION 'issued invoice % is immutable (R50)', OLD.number USING ERRCODE = 'P0050';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION voltlane_invoice_immutable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION voltlane_invoice_line_immutable() RETURNS trigger AS $$
DECLARE
  parent_status text;
BEGIN
  SELECT status INTO parent_status FROM invoices
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
  IF TG_OP = 'UPDATE' AND OLD.invoice_id IS DISTINCT FROM NEW.invoice_id THEN
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
CREATE TRIGGER invoice_lines_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION voltlane_invoice_line_immutable();
