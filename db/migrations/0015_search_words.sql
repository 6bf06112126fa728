CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of what is already in the search index (its names are folded already).
INSERT INTO "search_words" ("word") SELECT DISTINCT w FROM "public_search", unnest(string_to_array("names", ' ')) AS w WHERE length(w) >= 3 ON CONFLICT DO NOTHING;
