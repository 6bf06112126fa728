-- The laws' public rows gain columns their snapshots hold (first publication, milestone), and laws and
-- articles gain links and tags: emptied here, the public index is written again at start by
-- backfillPublicIndex (modules/system/backfill.ts) from what is live, with the new tables beside it.
DELETE FROM "public_laws";--> statement-breakpoint
CREATE TABLE "public_articles" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"slug" text NOT NULL,
	"kind" "article_kind" NOT NULL,
	"title" text NOT NULL,
	"lang" text NOT NULL,
	"original_date" text,
	"original_precision" date_precision,
	"original_approximate" boolean DEFAULT false NOT NULL,
	"excerpt" text NOT NULL,
	"author_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"publisher_id" integer,
	"credited_agent_id" integer,
	"first_published_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_links" (
	"from_type" "content_type" NOT NULL,
	"from_id" integer NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"to_type" "content_type" NOT NULL,
	"to_id" integer NOT NULL,
	"detail" jsonb,
	CONSTRAINT "public_links_from_type_from_id_kind_position_pk" PRIMARY KEY("from_type","from_id","kind","position")
);
--> statement-breakpoint
CREATE TABLE "public_tags" (
	"vocabulary" text NOT NULL,
	"value" text NOT NULL,
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"direct" boolean NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "public_tags_vocabulary_value_item_type_item_id_pk" PRIMARY KEY("vocabulary","value","item_type","item_id")
);
--> statement-breakpoint
ALTER TABLE "public_laws" ADD COLUMN "milestone_kind" "law_event_kind";--> statement-breakpoint
ALTER TABLE "public_laws" ADD COLUMN "milestone_date" text;--> statement-breakpoint
ALTER TABLE "public_laws" ADD COLUMN "milestone_precision" date_precision;--> statement-breakpoint
ALTER TABLE "public_laws" ADD COLUMN "milestone_approximate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "public_laws" ADD COLUMN "first_published_at" timestamp (3) with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "public_search" ADD COLUMN "names_document" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', names)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "public_articles" ADD CONSTRAINT "public_articles_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_articles_slug_idx" ON "public_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "public_articles_order_idx" ON "public_articles" USING btree ("original_date" DESC NULLS LAST,"first_published_at" DESC NULLS LAST,"article_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "public_articles_kind_order_idx" ON "public_articles" USING btree ("kind","original_date" DESC NULLS LAST,"first_published_at" DESC NULLS LAST,"article_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "public_articles_published_idx" ON "public_articles" USING btree ("published_at","article_id");--> statement-breakpoint
CREATE INDEX "public_links_to_idx" ON "public_links" USING btree ("to_type","to_id","kind");--> statement-breakpoint
CREATE INDEX "public_tags_item_idx" ON "public_tags" USING btree ("item_type","item_id");--> statement-breakpoint
CREATE INDEX "public_laws_first_published_idx" ON "public_laws" USING btree ("first_published_at","law_id");--> statement-breakpoint
CREATE INDEX "public_search_names_document_idx" ON "public_search" USING gin ("names_document");--> statement-breakpoint
CREATE VIEW "public"."live_addresses" AS (select item_type, item_id, scope, slug, title, first_published_at, published_at from publications where gone_at is null);