ALTER TABLE "documents" ALTER COLUMN "size_bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "render_input" jsonb;--> statement-breakpoint
CREATE INDEX "documents_to_draw" ON "documents" USING btree ("customer_id","id") WHERE "documents"."content" is null;--> statement-breakpoint
CREATE INDEX "users_customer" ON "users" USING btree ("customer_id") WHERE "users"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_entry" ON "payments" USING btree ("entry_id") WHERE "payments"."entry_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_reversal_entry" ON "payments" USING btree ("reversal_entry_id") WHERE "payments"."reversal_entry_id" is not null;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_drawn_or_drawable" CHECK (("documents"."content" is null) = ("documents"."size_bytes" is null) and ("documents"."content" is null) = ("documents"."sha256" is null)
          and ("documents"."content" is not null or "documents"."render_input" is not null));