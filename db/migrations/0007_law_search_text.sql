DROP INDEX "laws_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "laws_search_text_trgm_idx" ON "laws" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Laws saved before this column existed: their titles and identifiers, lower-cased. The app folds
-- scripts to Latin on every save (foldForSearch), which SQL cannot; saving a law completes it.
UPDATE "laws" SET "search_text" = trim(regexp_replace(lower(concat_ws(' ',
  (SELECT string_agg("title", ' ') FROM "law_titles" WHERE "law_titles"."law_id" = "laws"."id"),
  (SELECT string_agg("value", ' ') FROM "law_identifiers" WHERE "law_identifiers"."law_id" = "laws"."id"),
  "title")), '[^[:alnum:]]+', ' ', 'g'));
