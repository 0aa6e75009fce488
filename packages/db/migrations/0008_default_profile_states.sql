CREATE TABLE "default_profile_states" (
	"charge_point_id" text NOT NULL,
	"connector_id" integer NOT NULL,
	"provider_id" uuid NOT NULL,
	"grid_id" uuid,
	"limit_a" numeric(8, 1),
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "default_profile_states_charge_point_id_connector_id_pk" PRIMARY KEY("charge_point_id","connector_id")
);
