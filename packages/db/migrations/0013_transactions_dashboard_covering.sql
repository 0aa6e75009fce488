DROP INDEX "transactions_payer_started_ix";--> statement-breakpoint
DROP INDEX "transactions_receiver_started_ix";--> statement-breakpoint
DROP INDEX "transactions_user_started_ix";--> statement-breakpoint
CREATE INDEX "transactions_payer_started_ix" ON "transactions" USING btree ("payer_customer_id","started_at","provider_id","status","energy_wh","cost_net");--> statement-breakpoint
CREATE INDEX "transactions_receiver_started_ix" ON "transactions" USING btree ("receiver_customer_id","started_at","provider_id","status","energy_wh","cost_net","margin","payer_customer_id");--> statement-breakpoint
CREATE INDEX "transactions_user_started_ix" ON "transactions" USING btree ("user_customer_id","started_at","provider_id","status","energy_wh","payer_customer_id");