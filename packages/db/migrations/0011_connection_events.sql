CREATE TABLE "charge_point_connection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_point_id" text NOT NULL,
	"online" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "connection_events_cp_at_ix" ON "charge_point_connection_events" USING btree ("charge_point_id","at");