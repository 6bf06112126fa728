-- Live laws and articles gain the sources they cite (public_source_citations): emptied here, their
-- public rows are written again at start by backfillPublicIndex (modules/system/backfill.ts) from
-- what is live, with the citations beside them, as migration 0020 did for public_links.
DELETE FROM "public_laws";--> statement-breakpoint
DELETE FROM "public_articles";--> statement-breakpoint
CREATE TABLE "public_source_citations" (
	"from_type" "content_type" NOT NULL,
	"from_id" integer NOT NULL,
	"position" integer NOT NULL,
	"source_id" integer NOT NULL,
	"title" text,
	"url" text,
	"archived_url" text,
	"cited_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "public_source_citations_from_type_from_id_position_pk" PRIMARY KEY("from_type","from_id","position")
);
--> statement-breakpoint
CREATE INDEX "public_source_citations_source_idx" ON "public_source_citations" USING btree ("source_id","cited_at");--> statement-breakpoint
CREATE INDEX "public_source_citations_order_idx" ON "public_source_citations" USING btree ("cited_at","source_id");