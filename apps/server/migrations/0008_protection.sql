CREATE TABLE "maintenance_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"service" text NOT NULL,
	"performed_on" date NOT NULL,
	"odometer" integer NOT NULL,
	"source" text NOT NULL,
	"work_order_id" bigint,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maintenance_records_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "protection_products" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "protection_products_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"components" text[] NOT NULL,
	"purchase_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_miles" integer NOT NULL,
	"end_miles" integer,
	"price_cents" bigint NOT NULL,
	"deductible_cents" bigint DEFAULT 0 NOT NULL,
	"financed" boolean NOT NULL,
	"refund_basis" text NOT NULL,
	"cancellation_fee_cents" bigint NOT NULL,
	"fee_cap_percent" numeric(5, 2),
	"free_look_days" integer DEFAULT 0 NOT NULL,
	"cancelled_on" date,
	"cancellation_reason" text,
	"refund_cents" bigint,
	"cancellation_fee_charged_cents" bigint,
	"principal_reduction_cents" bigint,
	"customer_refund_cents" bigint,
	"journal_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protection_products_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "protection_products_price" CHECK ("protection_products"."price_cents" >= 0 and "protection_products"."deductible_cents" >= 0),
	CONSTRAINT "protection_products_coverage" CHECK ("protection_products"."end_date" > "protection_products"."purchase_date" and ("protection_products"."end_miles" is null or "protection_products"."end_miles" > "protection_products"."start_miles")),
	CONSTRAINT "protection_products_cancelled" CHECK (("protection_products"."cancelled_on" is null) = ("protection_products"."refund_cents" is null))
);
--> statement-breakpoint
CREATE TABLE "work_order_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_order_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"work_order_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"covered_by_product_id" bigint,
	"service" text,
	CONSTRAINT "work_order_lines_amount" CHECK ("work_order_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"number" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"dealer_id" bigint NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"completed_on" date,
	"odometer" integer NOT NULL,
	"complaint" text NOT NULL,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_products" ADD CONSTRAINT "protection_products_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_products" ADD CONSTRAINT "protection_products_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_lines" ADD CONSTRAINT "work_order_lines_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_lines" ADD CONSTRAINT "work_order_lines_covered_by_product_id_protection_products_id_fk" FOREIGN KEY ("covered_by_product_id") REFERENCES "public"."protection_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_records_contract" ON "maintenance_records" USING btree ("contract_id","performed_on");--> statement-breakpoint
CREATE INDEX "protection_products_contract" ON "protection_products" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "work_order_lines_order" ON "work_order_lines" USING btree ("work_order_id","position");--> statement-breakpoint
CREATE INDEX "work_orders_contract" ON "work_orders" USING btree ("contract_id","opened_on");--> statement-breakpoint
CREATE INDEX "work_orders_dealer" ON "work_orders" USING btree ("dealer_id");