CREATE TABLE "journal_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text DEFAULT 'jnl_' || replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"contract_id" bigint,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"booking_date" date NOT NULL,
	"accrual_from" date,
	"source" text,
	"description" text NOT NULL,
	"reverses_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_kind" CHECK ("journal_entries"."kind" in ('opening_balance', 'accrual', 'payment', 'fee', 'settlement', 'reversal', 'adjustment'))
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" bigint NOT NULL,
	"contract_id" bigint,
	"account" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "postings_nonzero" CHECK ("postings"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "autopay_enrollments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "autopay_enrollments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"payment_method_id" bigint NOT NULL,
	"payment_method_public_id" text NOT NULL,
	"method_label" text NOT NULL,
	"amount_rule" text NOT NULL,
	"extra_cents" bigint DEFAULT 0 NOT NULL,
	"draft_days_before_due" integer NOT NULL,
	"status" text NOT NULL,
	"skip_due_date" date,
	"last_draft_due_date" date,
	"final_draft_date" date,
	"suspended_reason" text,
	"authorization_version" text NOT NULL,
	"authorization_text" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"accepted_ip" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "autopay_draft_days" CHECK ("autopay_enrollments"."draft_days_before_due" between 0 and 10),
	CONSTRAINT "autopay_extra_nonnegative" CHECK ("autopay_enrollments"."extra_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"confirmation_number" text NOT NULL,
	"contract_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"payment_method_id" bigint NOT NULL,
	"payment_method_public_id" text NOT NULL,
	"method_type" text NOT NULL,
	"method_label" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"principal_only" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_for" date NOT NULL,
	"effective_date" date,
	"entry_id" bigint,
	"reversal_entry_id" bigint,
	"split_fees_cents" bigint,
	"split_interest_cents" bigint,
	"split_principal_cents" bigint,
	"split_unapplied_cents" bigint,
	"toward_installments_cents" bigint DEFAULT 0 NOT NULL,
	"processor_reference" text,
	"ach_trace_number" text,
	"ach_file_id" text,
	"return_code" text,
	"created_by_user_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"canceled_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	CONSTRAINT "payments_public_id_unique" UNIQUE("public_id"),
	CONSTRAINT "payments_confirmation_number_unique" UNIQUE("confirmation_number"),
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "interest_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "fees_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "unapplied_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "interest_accrued_through" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "paid_toward_installments_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_enrollments" ADD CONSTRAINT "autopay_enrollments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_contract" ON "journal_entries" USING btree ("contract_id","effective_date");--> statement-breakpoint
CREATE INDEX "journal_entries_source" ON "journal_entries" USING btree ("source");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_reverses" ON "journal_entries" USING btree ("reverses_entry_id") WHERE "journal_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "postings_entry" ON "postings" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "postings_contract_account" ON "postings" USING btree ("contract_id","account");--> statement-breakpoint
CREATE UNIQUE INDEX "autopay_one_per_contract" ON "autopay_enrollments" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "payments_contract" ON "payments" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_due" ON "payments" USING btree ("scheduled_for") WHERE "payments"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "payments_to_send" ON "payments" USING btree ("effective_date") WHERE "payments"."status" = 'pending' and "payments"."method_type" = 'bank_account';--> statement-breakpoint
CREATE UNIQUE INDEX "payments_ach_trace" ON "payments" USING btree ("ach_trace_number") WHERE "payments"."ach_trace_number" is not null;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Hand-written: the journal is append-only (corrections are reversing entries) and every
-- INSERT into postings must leave each entry it touches balanced. Postings of an entry are
-- written in one statement, so checking each statement's own lines per entry proves every
-- entry sums to zero without re-reading the table.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "journal_entries_append_only" BEFORE UPDATE OR DELETE ON "journal_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
CREATE TRIGGER "journal_entries_no_truncate" BEFORE TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
CREATE TRIGGER "postings_append_only" BEFORE UPDATE OR DELETE ON "postings"
  FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
CREATE TRIGGER "postings_no_truncate" BEFORE TRUNCATE ON "postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();
--> statement-breakpoint
CREATE FUNCTION "postings_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced bigint;
BEGIN
  SELECT entry_id INTO unbalanced FROM new_postings GROUP BY entry_id HAVING sum(amount_cents) <> 0 LIMIT 1;
  IF unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % does not balance', unbalanced USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "postings_balanced" AFTER INSERT ON "postings" REFERENCING NEW TABLE AS "new_postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "postings_balanced"();
--> statement-breakpoint
-- Contracts created before the ledger: paid-to-date totals, interest accrued through the last
-- installment paid, and an opening entry for the balances they show.
UPDATE "contracts" SET
  "paid_toward_installments_cents" = "payments_made" * "payment_cents",
  "interest_accrued_through" = CASE WHEN "type" <> 'loan' THEN NULL
    WHEN "payments_made" = 0 THEN "contract_date"
    ELSE ("first_payment_date" + ("payments_made" - 1) * interval '1 month')::date END;
--> statement-breakpoint
WITH opened AS (
  INSERT INTO "journal_entries" ("contract_id", "kind", "effective_date", "booking_date", "source", "description")
  SELECT c."id", 'opening_balance', b."date", b."date", 'conversion', 'Opening balance brought forward'
    FROM "contracts" c CROSS JOIN "business_date" b
   WHERE c."balance_cents" <> 0
  RETURNING "id", "contract_id"
)
INSERT INTO "postings" ("entry_id", "contract_id", "account", "amount_cents")
SELECT o."id", o."contract_id", x.account, x.amount
  FROM opened o JOIN "contracts" c ON c."id" = o."contract_id"
  CROSS JOIN LATERAL (VALUES ('principal', c."balance_cents"), ('gl.opening_balance', -c."balance_cents")) AS x(account, amount);
