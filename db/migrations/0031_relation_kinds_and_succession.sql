ALTER TYPE "public"."law_relation_kind" ADD VALUE 'succeeds' BEFORE 'cites';--> statement-breakpoint
ALTER TYPE "public"."law_relation_kind" ADD VALUE 'related';--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "successor_code" text;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_successor_code_jurisdictions_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."jurisdictions"("code") ON DELETE set null ON UPDATE no action;