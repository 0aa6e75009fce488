CREATE TABLE "charge_point_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"reservation_id" integer NOT NULL,
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"id_tag" text NOT NULL,
	"parent_id_tag" text,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charging_profiles_sent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"charging_profile_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"stack_level" integer NOT NULL,
	"profile" jsonb NOT NULL,
	"status" text NOT NULL,
	"sent_by" text,
	"sent_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connector_status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"status" text NOT NULL,
	"error_code" text DEFAULT 'NoError' NOT NULL,
	"info" text,
	"vendor_error_code" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"transaction_id" uuid,
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"measurand" text NOT NULL,
	"phase" text,
	"context" text,
	"location" text,
	"value" text NOT NULL,
	"unit" text
);
--> statement-breakpoint
CREATE TABLE "ocpp_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_point_id" text NOT NULL,
	"direction" text NOT NULL,
	"message_type" integer,
	"message_id" text,
	"action" text,
	"payload" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"ocpp_transaction_id" integer NOT NULL,
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"evse_id" text,
	"charge_card_id" uuid,
	"id_tag" text NOT NULL,
	"authorization_status" text DEFAULT 'Accepted' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"meter_start_wh" bigint NOT NULL,
	"meter_stop_wh" bigint,
	"last_meter_wh" bigint,
	"last_meter_at" timestamp with time zone,
	"energy_wh" bigint DEFAULT 0 NOT NULL,
	"charging_seconds" integer DEFAULT 0 NOT NULL,
	"idle_seconds" integer DEFAULT 0 NOT NULL,
	"max_power_w" integer,
	"soc" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"stop_reason" text,
	"stop_id_tag" text,
	"stop_source" text,
	"reservation_id" integer,
	"tariff_snapshot" jsonb,
	"charge_group_id" uuid,
	"charge_group_type" text,
	"user_customer_id" uuid,
	"payer_customer_id" uuid,
	"receiver_customer_id" uuid,
	"wallet_id" uuid,
	"roaming" boolean DEFAULT false NOT NULL,
	"cost_start_fee" bigint,
	"cost_energy" bigint,
	"cost_time" bigint,
	"cost_idle" bigint,
	"cost_net" bigint,
	"margin" bigint,
	"currency" text,
	"billable" boolean DEFAULT false NOT NULL,
	"not_billable_reason" text,
	"billable_override_by" uuid,
	"payer_line_id" uuid,
	"receiver_line_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_ocpp_id_uq" ON "charge_point_reservations" USING btree ("provider_id","reservation_id");--> statement-breakpoint
CREATE INDEX "charging_profiles_cp_ix" ON "charging_profiles_sent" USING btree ("charge_point_id","connector_id") WHERE cleared_at is null;--> statement-breakpoint
CREATE INDEX "status_events_cp_conn_at_ix" ON "connector_status_events" USING btree ("charge_point_id","connector_id","occurred_at");--> statement-breakpoint
CREATE INDEX "meter_values_tx_at_ix" ON "meter_values" USING btree ("transaction_id","sampled_at");--> statement-breakpoint
CREATE INDEX "meter_values_cp_at_ix" ON "meter_values" USING btree ("charge_point_id","sampled_at");--> statement-breakpoint
CREATE INDEX "ocpp_messages_cp_at_ix" ON "ocpp_messages" USING btree ("charge_point_id","at");--> statement-breakpoint
CREATE INDEX "ocpp_messages_at_ix" ON "ocpp_messages" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_ocpp_id_uq" ON "transactions" USING btree ("provider_id","ocpp_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_start_uq" ON "transactions" USING btree ("charge_point_id","connector_id","id_tag","started_at","meter_start_wh");--> statement-breakpoint
CREATE INDEX "transactions_provider_started_ix" ON "transactions" USING btree ("provider_id","started_at");--> statement-breakpoint
CREATE INDEX "transactions_cp_status_ix" ON "transactions" USING btree ("charge_point_id","status");--> statement-breakpoint
CREATE INDEX "transactions_payer_ix" ON "transactions" USING btree ("payer_customer_id");--> statement-breakpoint
CREATE INDEX "transactions_receiver_ix" ON "transactions" USING btree ("receiver_customer_id");--> statement-breakpoint
CREATE INDEX "transactions_user_ix" ON "transactions" USING btree ("user_customer_id");--> statement-breakpoint
CREATE INDEX "transactions_card_status_ix" ON "transactions" USING btree ("charge_card_id","status");