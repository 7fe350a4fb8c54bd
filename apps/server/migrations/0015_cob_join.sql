ALTER TABLE "cob_partitions" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cob_runs" ADD COLUMN "partitions_open" boolean DEFAULT false NOT NULL;