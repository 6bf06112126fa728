DROP INDEX "slug_redirects_lookup_idx";--> statement-breakpoint
-- An old slug leads to one item only. Of duplicates written before this rule, the latest is kept.
DELETE FROM "slug_redirects" AS "older" USING "slug_redirects" AS "newer" WHERE "older"."item_type" = "newer"."item_type" AND "older"."scope" = "newer"."scope" AND "older"."old_slug" = "newer"."old_slug" AND "older"."id" < "newer"."id";--> statement-breakpoint
CREATE UNIQUE INDEX "slug_redirects_old_slug_idx" ON "slug_redirects" USING btree ("item_type","scope","old_slug");--> statement-breakpoint
CREATE INDEX "article_jurisdictions_jurisdiction_idx" ON "article_jurisdictions" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "figures_updated_at_idx" ON "figures" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "figures_jurisdiction_idx" ON "figures" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "figures_label_trgm_idx" ON "figures" USING gin ("label" gin_trgm_ops);--> statement-breakpoint
-- A date without its precision (or the reverse) already reads as unknown (lib/partial-date.ts fromColumns): store it so.
UPDATE "law_text_versions" SET "effective_date" = NULL, "effective_precision" = NULL WHERE ("effective_date" IS NULL) <> ("effective_precision" IS NULL);--> statement-breakpoint
UPDATE "articles" SET "original_date" = NULL, "original_precision" = NULL WHERE ("original_date" IS NULL) <> ("original_precision" IS NULL);--> statement-breakpoint
UPDATE "figure_accounts" SET "as_of_date" = NULL, "as_of_precision" = NULL WHERE ("as_of_date" IS NULL) <> ("as_of_precision" IS NULL);--> statement-breakpoint
ALTER TABLE "law_text_versions" ADD CONSTRAINT "law_text_versions_effective_precision" CHECK (("law_text_versions"."effective_date" is null) = ("law_text_versions"."effective_precision" is null));--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_original_date_precision" CHECK (("articles"."original_date" is null) = ("articles"."original_precision" is null));--> statement-breakpoint
ALTER TABLE "figure_accounts" ADD CONSTRAINT "figure_accounts_as_of_precision" CHECK (("figure_accounts"."as_of_date" is null) = ("figure_accounts"."as_of_precision" is null));
