CREATE TABLE "lease_end_terms" (
	"contract_id" bigint PRIMARY KEY NOT NULL,
	"disposition_fee_cents" bigint NOT NULL,
	"purchase_option_fee_cents" bigint NOT NULL,
	"delivery_odometer" integer NOT NULL,
	CONSTRAINT "lease_end_terms_non_negative" CHECK ("lease_end_terms"."disposition_fee_cents" >= 0 and "lease_end_terms"."purchase_option_fee_cents" >= 0 and "lease_end_terms"."delivery_odometer" >= 0)
);
--> statement-breakpoint
CREATE TABLE "lease_inspections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lease_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"preferred_date" date NOT NULL,
	"time_window" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"postal_code" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lease_inspections_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "odometer_readings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "odometer_readings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"reading_date" date NOT NULL,
	"odometer" integer NOT NULL,
	"source" text NOT NULL,
	"dealer_id" bigint,
	"recorded_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "odometer_readings_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "odometer_readings_non_negative" CHECK ("odometer_readings"."odometer" >= 0),
	CONSTRAINT "odometer_readings_dealer_source" CHECK (("odometer_readings"."source" = 'dealer_service') = ("odometer_readings"."dealer_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "lease_end_terms" ADD CONSTRAINT "lease_end_terms_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_inspections" ADD CONSTRAINT "lease_inspections_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_inspections" ADD CONSTRAINT "lease_inspections_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "odometer_readings" ADD CONSTRAINT "odometer_readings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "odometer_readings" ADD CONSTRAINT "odometer_readings_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "odometer_readings" ADD CONSTRAINT "odometer_readings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lease_inspections_contract" ON "lease_inspections" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "odometer_readings_contract" ON "odometer_readings" USING btree ("contract_id","reading_date");