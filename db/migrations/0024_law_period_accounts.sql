CREATE TABLE "law_period_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_period_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"start_precision" date_precision NOT NULL,
	"start_approximate" boolean DEFAULT false NOT NULL,
	"end_date" date NOT NULL,
	"end_precision" date_precision NOT NULL,
	"end_approximate" boolean DEFAULT false NOT NULL,
	"source_id" integer,
	"preferred" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "law_periods" DROP CONSTRAINT "law_periods_order";--> statement-breakpoint
ALTER TABLE "law_periods" ALTER COLUMN "start_year" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "law_periods" ALTER COLUMN "end_year" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "law_periods" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "law_period_accounts" ADD CONSTRAINT "law_period_accounts_period_id_law_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."law_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_period_accounts" ADD CONSTRAINT "law_period_accounts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "law_period_accounts_period_idx" ON "law_period_accounts" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "law_period_accounts_source_idx" ON "law_period_accounts" USING btree ("source_id");--> statement-breakpoint
-- Each period's whole years become its one account, unsourced, as it was entered.
INSERT INTO "law_period_accounts" ("period_id", "start_date", "start_precision", "end_date", "end_precision", "preferred")
SELECT "id", make_date("start_year", 1, 1), 'year', make_date("end_year", 1, 1), 'year', true
FROM "law_periods" WHERE "start_year" IS NOT NULL AND "end_year" IS NOT NULL;
