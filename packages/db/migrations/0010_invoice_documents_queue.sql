ALTER TABLE "invoice_runs" ADD COLUMN "customers_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD COLUMN "customers_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "invoices_document_pending_ix" ON "invoices" USING btree ("issued_at") WHERE pdf_sha256 is null and status <> 'draft';--> statement-breakpoint
-- R50 with documents produced after the issuing commit (docs/adr/0002): an issued invoice may get its
-- pdf_key and pdf_sha256 once, both together, from NULL; after that they never change, like the rest.
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
    OR ((NEW.pdf_key IS DISTINCT FROM OLD.pdf_key OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256)
        AND NOT (OLD.pdf_key IS NULL AND OLD.pdf_sha256 IS NULL
                 AND NEW.pdf_key IS NOT NULL AND NEW.pdf_sha256 IS NOT NULL))
  ) THEN
    RAISE EXCEPTION 'issued invoice % is immutable (R50)', OLD.number USING ERRCODE = 'P0050';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
