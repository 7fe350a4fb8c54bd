CREATE TABLE "account_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"requested_by_user_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"quote" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" bigint,
	"decision_note" text,
	CONSTRAINT "account_requests_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "account_requests_decided" CHECK (("account_requests"."status" = 'pending') = ("account_requests"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "lien_releases" (
	"contract_id" bigint PRIMARY KEY NOT NULL,
	"title_state" text NOT NULL,
	"payoff_received_on" date NOT NULL,
	"release_requested_on" date,
	"lien_released_on" date,
	"title_mailed_on" date
);
--> statement-breakpoint
ALTER TABLE "account_requests" ADD CONSTRAINT "account_requests_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_requests" ADD CONSTRAINT "account_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_requests" ADD CONSTRAINT "account_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_requests" ADD CONSTRAINT "account_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lien_releases" ADD CONSTRAINT "lien_releases_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_requests_contract_id" ON "account_requests" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "account_requests_status" ON "account_requests" USING btree ("status","created_at");