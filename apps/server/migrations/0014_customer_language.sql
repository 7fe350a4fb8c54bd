ALTER TABLE "customers" ADD COLUMN "preferred_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- hand-written below
-- Only the languages we have copy for; the app validates too, this keeps imports honest.
ALTER TABLE "customers" ADD CONSTRAINT "customers_preferred_language_check" CHECK ("preferred_language" IN ('en', 'es'));
