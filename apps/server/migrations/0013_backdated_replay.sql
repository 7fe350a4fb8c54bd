ALTER TABLE "journal_entries" ADD COLUMN "principal_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "replaces_entry_id" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_replaces" ON "journal_entries" USING btree ("replaces_entry_id") WHERE "journal_entries"."replaces_entry_id" is not null;