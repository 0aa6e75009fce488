DROP INDEX "meter_values_cp_at_ix";--> statement-breakpoint
ALTER TABLE "ocpp_messages" ALTER COLUMN "payload" SET DATA TYPE json;