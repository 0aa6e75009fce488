CREATE TABLE "charge_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"rfid" text NOT NULL,
	"kind" text DEFAULT 'rfid' NOT NULL,
	"status" text DEFAULT 'inactive' NOT NULL,
	"blocked_reason" text,
	"customer_id" uuid,
	"payer_customer_id" uuid,
	"roaming_allowed" boolean DEFAULT false NOT NULL,
	"label" text,
	"valid_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charge_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" text DEFAULT 'other' NOT NULL,
	"tariff_id" uuid,
	"access" text DEFAULT 'attached' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charge_points" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"charge_box_serial_number" text,
	"firmware_version" text,
	"iccid" text,
	"imsi" text,
	"meter_type" text,
	"meter_serial_number" text,
	"ocpp_version" text,
	"activation" text DEFAULT 'inactive' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"last_seen_at" timestamp with time zone,
	"last_boot_at" timestamp with time zone,
	"location_id" uuid,
	"charge_group_id" uuid,
	"grid_id" uuid,
	"owner_customer_id" uuid,
	"subscription_payer_customer_id" uuid,
	"phases" integer,
	"max_current_a" integer,
	"tariff_override_id" uuid,
	"auth_failures" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"provider_id" uuid NOT NULL,
	"evse_id" text,
	"standard" text,
	"power_type" text,
	"max_power_w" integer,
	"status" text DEFAULT 'Unavailable' NOT NULL,
	"error_code" text,
	"status_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectors_charge_point_id_connector_id_pk" PRIMARY KEY("charge_point_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "local_list_versions" (
	"charge_point_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"entries" jsonb,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"publish" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariff_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"charge_group_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"tariff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"start_fee" numeric(12, 4) DEFAULT '0' NOT NULL,
	"energy_price" numeric(12, 4) DEFAULT '0' NOT NULL,
	"time_price" numeric(12, 4) DEFAULT '0' NOT NULL,
	"idle_fee" numeric(12, 4) DEFAULT '0' NOT NULL,
	"idle_grace_minutes" integer DEFAULT 0 NOT NULL,
	"idle_fee_cap" bigint,
	"margin_per_kwh" numeric(12, 4) DEFAULT '0' NOT NULL,
	"vat_rate" numeric(5, 2) NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charge_cards" ADD CONSTRAINT "charge_cards_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_cards" ADD CONSTRAINT "charge_cards_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_cards" ADD CONSTRAINT "charge_cards_payer_customer_id_customers_id_fk" FOREIGN KEY ("payer_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_groups" ADD CONSTRAINT "charge_groups_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_groups" ADD CONSTRAINT "charge_groups_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_charge_group_id_charge_groups_id_fk" FOREIGN KEY ("charge_group_id") REFERENCES "public"."charge_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_owner_customer_id_customers_id_fk" FOREIGN KEY ("owner_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_subscription_payer_customer_id_customers_id_fk" FOREIGN KEY ("subscription_payer_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charge_points" ADD CONSTRAINT "charge_points_tariff_override_id_tariffs_id_fk" FOREIGN KEY ("tariff_override_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_charge_point_id_charge_points_id_fk" FOREIGN KEY ("charge_point_id") REFERENCES "public"."charge_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_list_versions" ADD CONSTRAINT "local_list_versions_charge_point_id_charge_points_id_fk" FOREIGN KEY ("charge_point_id") REFERENCES "public"."charge_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_exceptions" ADD CONSTRAINT "tariff_exceptions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_exceptions" ADD CONSTRAINT "tariff_exceptions_charge_group_id_charge_groups_id_fk" FOREIGN KEY ("charge_group_id") REFERENCES "public"."charge_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_exceptions" ADD CONSTRAINT "tariff_exceptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariff_exceptions" ADD CONSTRAINT "tariff_exceptions_tariff_id_tariffs_id_fk" FOREIGN KEY ("tariff_id") REFERENCES "public"."tariffs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charge_cards_external_id_uq" ON "charge_cards" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_cards_rfid_uq" ON "charge_cards" USING btree ("rfid");--> statement-breakpoint
CREATE INDEX "charge_cards_provider_ix" ON "charge_cards" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "charge_cards_customer_ix" ON "charge_cards" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "charge_cards_payer_ix" ON "charge_cards" USING btree ("payer_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charge_groups_code_uq" ON "charge_groups" USING btree ("provider_id","code");--> statement-breakpoint
CREATE INDEX "charge_points_provider_ix" ON "charge_points" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "charge_points_group_ix" ON "charge_points" USING btree ("charge_group_id");--> statement-breakpoint
CREATE INDEX "charge_points_owner_ix" ON "charge_points" USING btree ("owner_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "connectors_evse_uq" ON "connectors" USING btree ("evse_id") WHERE evse_id is not null;--> statement-breakpoint
CREATE INDEX "locations_provider_ix" ON "locations" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_exceptions_pair_uq" ON "tariff_exceptions" USING btree ("charge_group_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tariffs_name_uq" ON "tariffs" USING btree ("provider_id","name");