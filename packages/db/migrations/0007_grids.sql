CREATE TABLE "charging_profile_states" (
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"provider_id" uuid NOT NULL,
	"grid_id" uuid,
	"ocpp_transaction_id" integer,
	"limit_a" numeric(8, 1),
	"assumed_measured_a" numeric(8, 1),
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "charging_profile_states_charge_point_id_connector_id_pk" PRIMARY KEY("charge_point_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "grid_load_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"allocated_l1_a" numeric(8, 1) NOT NULL,
	"allocated_l2_a" numeric(8, 1) NOT NULL,
	"allocated_l3_a" numeric(8, 1) NOT NULL,
	"measured_a" numeric(8, 1),
	"limit_a" numeric(8, 1) NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"phases" integer DEFAULT 3 NOT NULL,
	"max_current_a" numeric(8, 1) NOT NULL,
	"min_current_per_vehicle_a" numeric(8, 1) DEFAULT '6' NOT NULL,
	"external_limit_a" numeric(8, 1),
	"external_limit_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "smart_charging_flags" (
	"charge_point_id" text PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"profiles_rejected" boolean DEFAULT false NOT NULL,
	"last_status" text,
	"flagged_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_of_use_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"days_of_week" integer[] NOT NULL,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"max_current_a" numeric(8, 1) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_parent_id_grids_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_of_use_limits" ADD CONSTRAINT "time_of_use_limits_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_of_use_limits" ADD CONSTRAINT "time_of_use_limits_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grid_load_samples_grid_at_ix" ON "grid_load_samples" USING btree ("grid_id","at");--> statement-breakpoint
CREATE INDEX "grids_provider_ix" ON "grids" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "grids_parent_ix" ON "grids" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "time_of_use_limits_grid_ix" ON "time_of_use_limits" USING btree ("grid_id");