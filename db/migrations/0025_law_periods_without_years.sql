ALTER TABLE "law_periods" DROP COLUMN "start_year";--> statement-breakpoint
ALTER TABLE "law_periods" DROP COLUMN "end_year";