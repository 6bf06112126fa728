CREATE TYPE "public"."anchor_state" AS ENUM('anchored', 'drifted', 'orphaned');--> statement-breakpoint
CREATE TYPE "public"."annotation_audience" AS ENUM('public', 'internal');--> statement-breakpoint
CREATE TYPE "public"."annotation_kind" AS ENUM('context', 'fact_check', 'cross_reference', 'translation', 'correction', 'note');--> statement-breakpoint
CREATE TABLE "annotation_anchors" (
	"annotation_revision_id" integer NOT NULL,
	"target_revision_id" integer NOT NULL,
	"annotation_id" integer NOT NULL,
	"state" "anchor_state" NOT NULL,
	"method" text NOT NULL,
	"start" integer,
	"end" integer,
	"exact" text,
	"prefix" text,
	"suffix" text,
	"similarity" real,
	"confirmed_by_id" integer,
	"confirmed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_anchors_annotation_revision_id_target_revision_id_pk" PRIMARY KEY("annotation_revision_id","target_revision_id")
);
--> statement-breakpoint
CREATE TABLE "annotation_links" (
	"annotation_id" integer NOT NULL,
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "annotation_links_annotation_id_item_type_item_id_pk" PRIMARY KEY("annotation_id","item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "annotation_sources" (
	"annotation_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "annotation_sources_annotation_id_source_id_pk" PRIMARY KEY("annotation_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "annotations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annotations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"target_type" "content_type" NOT NULL,
	"target_id" integer NOT NULL,
	"text_id" integer,
	"kind" "annotation_kind" NOT NULL,
	"audience" "annotation_audience" NOT NULL,
	"body" text NOT NULL,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"made_on_revision_id" integer NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_annotations" (
	"annotation_id" integer PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"target_type" "content_type" NOT NULL,
	"target_id" integer NOT NULL,
	"target_revision_id" integer NOT NULL,
	"text_id" integer,
	"kind" "annotation_kind" NOT NULL,
	"body" text NOT NULL,
	"exact" text NOT NULL,
	"prefix" text NOT NULL,
	"suffix" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"links" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"first_published_at" timestamp (3) with time zone NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_annotation_revision_id_revisions_id_fk" FOREIGN KEY ("annotation_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_target_revision_id_revisions_id_fk" FOREIGN KEY ("target_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_anchors" ADD CONSTRAINT "annotation_anchors_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_links" ADD CONSTRAINT "annotation_links_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_sources" ADD CONSTRAINT "annotation_sources_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_sources" ADD CONSTRAINT "annotation_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_made_on_revision_id_revisions_id_fk" FOREIGN KEY ("made_on_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_annotations" ADD CONSTRAINT "public_annotations_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_annotations" ADD CONSTRAINT "public_annotations_target_revision_id_revisions_id_fk" FOREIGN KEY ("target_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_anchors_annotation_idx" ON "annotation_anchors" USING btree ("annotation_id","target_revision_id");--> statement-breakpoint
CREATE INDEX "annotation_links_item_idx" ON "annotation_links" USING btree ("item_type","item_id");--> statement-breakpoint
CREATE INDEX "annotation_sources_source_idx" ON "annotation_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "annotations_target_idx" ON "annotations" USING btree ("target_type","target_id","text_id");--> statement-breakpoint
CREATE INDEX "public_annotations_target_idx" ON "public_annotations" USING btree ("target_type","target_id","text_id");