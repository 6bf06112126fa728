ALTER TABLE "figures" ADD COLUMN "edited_by_id" integer;--> statement-breakpoint
ALTER TABLE "figures" ADD COLUMN "approved_by_id" integer;--> statement-breakpoint
ALTER TABLE "figures" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;