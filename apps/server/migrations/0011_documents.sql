CREATE TABLE "documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"contract_id" bigint,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"as_of_date" date NOT NULL,
	"period_start" date,
	"cycle_key" text,
	"language" text NOT NULL,
	"content_type" text DEFAULT 'application/pdf' NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "documents_size_matches" CHECK ("documents"."size_bytes" = octet_length("documents"."content"))
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_customer" ON "documents" USING btree ("customer_id","as_of_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_contract_cycle" ON "documents" USING btree ("contract_id","kind","cycle_key");--> statement-breakpoint
-- hand-written below
-- PDFs are already deflated: keep them out of line without a second, wasted compression pass.
ALTER TABLE "documents" ALTER COLUMN "content" SET STORAGE EXTERNAL;
