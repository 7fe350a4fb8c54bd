CREATE TABLE "cob_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cob_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"business_date" date NOT NULL,
	"step" text NOT NULL,
	"contract_id" bigint,
	"error" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cob_notices" (
	"contract_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"ref_date" date NOT NULL,
	"business_date" date NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "cob_notices_contract_id_kind_ref_date_pk" PRIMARY KEY("contract_id","kind","ref_date")
);
--> statement-breakpoint
CREATE TABLE "cob_partitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cob_partitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"lo" bigint NOT NULL,
	"hi" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"worker" text,
	"claimed_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cob_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cob_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"business_date" date NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"requested_by_user_id" bigint,
	"partitions" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "cob_step_marks" (
	"business_date" date NOT NULL,
	"lo" bigint NOT NULL,
	"hi" bigint NOT NULL,
	"step" text NOT NULL,
	"run_id" bigint NOT NULL,
	"rows" integer NOT NULL,
	"ms" integer NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cob_step_marks_business_date_lo_step_pk" PRIMARY KEY("business_date","lo","step")
);
--> statement-breakpoint
CREATE TABLE "delinquency_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delinquency_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contract_id" bigint NOT NULL,
	"business_date" date NOT NULL,
	"from_bucket" text,
	"to_bucket" text NOT NULL,
	"days_past_due" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delinquency_status" (
	"contract_id" bigint PRIMARY KEY NOT NULL,
	"bucket" text NOT NULL,
	"days_past_due" integer NOT NULL,
	"past_due_cents" bigint NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "late_fee_assessments" (
	"contract_id" bigint NOT NULL,
	"due_date" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"business_date" date NOT NULL,
	CONSTRAINT "late_fee_assessments_contract_id_due_date_pk" PRIMARY KEY("contract_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "late_fee_rules" (
	"state" text PRIMARY KEY NOT NULL,
	"flat_cents" bigint,
	"percent" numeric(6, 3),
	"combine" text DEFAULT 'greater' NOT NULL,
	"min_cents" bigint,
	"max_cents" bigint,
	"grace_days" integer NOT NULL,
	CONSTRAINT "late_fee_rules_some" CHECK ("late_fee_rules"."flat_cents" is not null or "late_fee_rules"."percent" is not null)
);
--> statement-breakpoint
ALTER TABLE "cob_partitions" ADD CONSTRAINT "cob_partitions_run_id_cob_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."cob_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delinquency_status" ADD CONSTRAINT "delinquency_status_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cob_failures_run" ON "cob_failures" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "cob_notices_date" ON "cob_notices" USING btree ("business_date");--> statement-breakpoint
CREATE UNIQUE INDEX "cob_partitions_run_lo" ON "cob_partitions" USING btree ("run_id","lo");--> statement-breakpoint
CREATE INDEX "cob_partitions_status" ON "cob_partitions" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "cob_runs_date" ON "cob_runs" USING btree ("business_date","id");--> statement-breakpoint
CREATE INDEX "cob_step_marks_run" ON "cob_step_marks" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delinquency_history_contract_date" ON "delinquency_history" USING btree ("contract_id","business_date");--> statement-breakpoint
CREATE INDEX "delinquency_status_bucket" ON "delinquency_status" USING btree ("bucket","contract_id");--> statement-breakpoint
-- hand-written below
-- How many installments of a schedule fall due strictly before `asof` (the paid-to-date
-- method's "due by today" of @marque/finance dueStatus, in closed form so close of business
-- stays set-based). Installment m is due first + m months, clamped to the month's end.
-- k = whole months from `first` to `asof`; installment k is due before `asof` or not.
-- One expression without FROM, so the planner inlines it.
CREATE FUNCTION "cob_installments_before"("first" date, "term" int, "asof" date) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least("term", greatest(0,
    ((extract(year FROM "asof") - extract(year FROM "first")) * 12 + extract(month FROM "asof") - extract(month FROM "first"))::int
    + CASE WHEN ("first" + ((extract(year FROM "asof") - extract(year FROM "first")) * 12
                 + extract(month FROM "asof") - extract(month FROM "first"))::int * interval '1 month')::date < "asof"
           THEN 1 ELSE 0 END))
$$;
--> statement-breakpoint
-- Default late fee rules (editable): 5 % of the installment or $25, the lesser, after 10 days;
-- an example state row (CA) with a flat $10 fee capped at $10. Ops edit these per state.
INSERT INTO "late_fee_rules" ("state", "flat_cents", "percent", "combine", "min_cents", "max_cents", "grace_days")
VALUES ('*', 2500, 5, 'lesser', NULL, NULL, 10), ('CA', 1000, NULL, 'greater', NULL, 1000, 10);
