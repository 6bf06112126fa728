CREATE TYPE "public"."content_type" AS ENUM('law', 'article', 'agent', 'annotation');--> statement-breakpoint
CREATE TYPE "public"."review_state" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."visibility" AS ENUM('unpublished', 'live', 'withdrawn', 'archived');--> statement-breakpoint
CREATE TABLE "editorial_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "editorial_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"revision_id" integer,
	"author_id" integer,
	"body" text NOT NULL,
	"kind" text DEFAULT 'comment' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_by_id" integer,
	"resolved_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "editorial_items" (
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"review" "review_state" DEFAULT 'draft' NOT NULL,
	"visibility" "visibility" DEFAULT 'unpublished' NOT NULL,
	"working_revision_id" integer,
	"live_revision_id" integer,
	"submitted_by_id" integer,
	"submitted_at" timestamp (3) with time zone,
	"approved_by_id" integer,
	"approved_at" timestamp (3) with time zone,
	"publish_at" timestamp (3) with time zone,
	"scheduled_by_id" integer,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "editorial_items_item_type_item_id_pk" PRIMARY KEY("item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "publication_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"first_published_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	"gone_at" timestamp (3) with time zone,
	"merged_into_id" integer,
	CONSTRAINT "publications_item_type_item_id_pk" PRIMARY KEY("item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "review_views" (
	"user_id" integer NOT NULL,
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "review_views_user_id_item_type_item_id_pk" PRIMARY KEY("user_id","item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"number" integer NOT NULL,
	"parent_id" integer,
	"snapshot" jsonb NOT NULL,
	"hash" text NOT NULL,
	"author_id" integer,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "laws_published_at_idx";--> statement-breakpoint
ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_comments" ADD CONSTRAINT "editorial_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_items" ADD CONSTRAINT "editorial_items_working_revision_id_revisions_id_fk" FOREIGN KEY ("working_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_items" ADD CONSTRAINT "editorial_items_live_revision_id_revisions_id_fk" FOREIGN KEY ("live_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_items" ADD CONSTRAINT "editorial_items_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_items" ADD CONSTRAINT "editorial_items_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editorial_items" ADD CONSTRAINT "editorial_items_scheduled_by_id_users_id_fk" FOREIGN KEY ("scheduled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_views" ADD CONSTRAINT "review_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "editorial_comments_item_idx" ON "editorial_comments" USING btree ("item_type","item_id","created_at");--> statement-breakpoint
CREATE INDEX "editorial_items_review_idx" ON "editorial_items" USING btree ("review","changed_at");--> statement-breakpoint
CREATE INDEX "editorial_items_publish_at_idx" ON "editorial_items" USING btree ("publish_at") WHERE "editorial_items"."publish_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "publications_address_idx" ON "publications" USING btree ("item_type","scope","slug");--> statement-breakpoint
CREATE INDEX "publications_published_at_idx" ON "publications" USING btree ("item_type","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "revisions_item_number_idx" ON "revisions" USING btree ("item_type","item_id","number");--> statement-breakpoint
-- Items made before revisions: the first start snapshots them (modules/workflow/backfill.ts) and
-- publishes those that were published, so nothing readers saw disappears.
INSERT INTO "editorial_items" ("item_type", "item_id", "review") SELECT 'law', "id", CASE WHEN "published_at" IS NULL THEN 'draft' ELSE 'published' END::"review_state" FROM "laws";--> statement-breakpoint
INSERT INTO "editorial_items" ("item_type", "item_id", "review") SELECT 'article', "id", CASE WHEN "published_at" IS NULL THEN 'draft' ELSE 'published' END::"review_state" FROM "articles";--> statement-breakpoint
INSERT INTO "editorial_items" ("item_type", "item_id") SELECT 'agent', "id" FROM "agents";--> statement-breakpoint
INSERT INTO "publication_clock" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- History is never rewritten: revisions are added, not changed or removed.
CREATE FUNCTION revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'revisions are immutable: % is not allowed', TG_OP;
END
$$;--> statement-breakpoint
CREATE TRIGGER revisions_no_change BEFORE UPDATE OR DELETE ON "revisions" FOR EACH ROW EXECUTE FUNCTION revisions_immutable();--> statement-breakpoint
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON "revisions" FOR EACH STATEMENT EXECUTE FUNCTION revisions_immutable();--> statement-breakpoint
ALTER TABLE "laws" DROP COLUMN "published_at";--> statement-breakpoint
ALTER TABLE "articles" DROP COLUMN "published_at";--> statement-breakpoint
CREATE VIEW "public"."gone_addresses" AS (select item_type, scope, slug, merged_into_id, gone_at from publications where gone_at is not null);--> statement-breakpoint
CREATE VIEW "public"."live_documents" AS (select p.item_type, p.item_id, p.revision_id, p.scope, p.slug, p.title, p.first_published_at, p.published_at, r.snapshot from publications p join revisions r on r.id = p.revision_id where p.gone_at is null);