CREATE TABLE "ach_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ach_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"kind" text NOT NULL,
	"business_date" date NOT NULL,
	"fingerprint" text NOT NULL,
	"file_id_modifier" text,
	"entry_count" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ach_files_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "sim_processor_tokens" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sim_processor_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"token" text NOT NULL,
	"brand" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"funding" text NOT NULL,
	"behaviour" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sim_processor_tokens_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "sim_processor_transactions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sim_processor_transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"token" text NOT NULL,
	"charge_reference" text,
	"amount_cents" bigint NOT NULL,
	"outcome" text NOT NULL,
	"decline_code" text,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sim_processor_transactions_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_methods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"nickname" text,
	"last4" text NOT NULL,
	"holder_name" text,
	"routing_number" text,
	"account_number_enc" text,
	"account_number_bidx" text,
	"account_type" text,
	"bank_name" text,
	"processor" text,
	"processor_token" text,
	"card_brand" text,
	"card_exp_month" integer,
	"card_exp_year" integer,
	"card_fingerprint" text,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "payment_methods_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "payment_methods_last4" CHECK ("payment_methods"."last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payment_methods_fields_by_kind" CHECK (("payment_methods"."kind" = 'bank_account' and "payment_methods"."holder_name" is not null and "payment_methods"."routing_number" is not null
           and "payment_methods"."account_number_enc" is not null and "payment_methods"."account_number_bidx" is not null
           and "payment_methods"."account_type" is not null and "payment_methods"."processor_token" is null)
       or ("payment_methods"."kind" = 'card' and "payment_methods"."processor" is not null and "payment_methods"."processor_token" is not null
           and "payment_methods"."card_brand" is not null and "payment_methods"."card_exp_month" between 1 and 12
           and "payment_methods"."card_exp_year" is not null and "payment_methods"."account_number_enc" is null))
);
--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ach_files_fingerprint" ON "ach_files" USING btree ("kind","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "sim_processor_transactions_key" ON "sim_processor_transactions" USING btree ("kind","idempotency_key");--> statement-breakpoint
CREATE INDEX "sim_processor_transactions_charge" ON "sim_processor_transactions" USING btree ("charge_reference");--> statement-breakpoint
CREATE INDEX "payment_methods_customer" ON "payment_methods" USING btree ("customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_live_bank_account" ON "payment_methods" USING btree ("customer_id","routing_number","account_number_bidx") WHERE "payment_methods"."removed_at" is null and "payment_methods"."kind" = 'bank_account';--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_live_card" ON "payment_methods" USING btree ("customer_id","processor","card_fingerprint") WHERE "payment_methods"."removed_at" is null and "payment_methods"."kind" = 'card';--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_live_token" ON "payment_methods" USING btree ("processor","processor_token") WHERE "payment_methods"."removed_at" is null and "payment_methods"."kind" = 'card';--> statement-breakpoint
ALTER TABLE "autopay_enrollments" ADD CONSTRAINT "autopay_enrollments_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_payment_method_id_payment_methods_id_fk" FOREIGN KEY ("payment_method_id") REFERENCES "public"."payment_methods"("id") ON DELETE no action ON UPDATE no action;