ALTER TABLE "figure_accounts" ADD COLUMN "approved_source_title" text;--> statement-breakpoint
ALTER TABLE "figure_accounts" ADD COLUMN "approved_source_url" text;