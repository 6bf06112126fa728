CREATE TABLE "published_revisions" (
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"number" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "published_revisions_item_type_item_id_number_pk" PRIMARY KEY("item_type","item_id","number")
);
--> statement-breakpoint
ALTER TABLE "published_revisions" ADD CONSTRAINT "published_revisions_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE VIEW "public"."citable_revisions" AS (select h.item_type, h.item_id, h.number, h.published_at, r.snapshot from published_revisions h join revisions r on r.id = h.revision_id join publications p on p.item_type = h.item_type and p.item_id = h.item_id where p.gone_at is null);--> statement-breakpoint
-- What is live now was published once: it is the first citable version of each item.
INSERT INTO "published_revisions" ("item_type", "item_id", "number", "revision_id", "published_at")
SELECT p."item_type", p."item_id", r."number", p."revision_id", p."published_at" FROM "publications" p JOIN "revisions" r ON r."id" = p."revision_id";
