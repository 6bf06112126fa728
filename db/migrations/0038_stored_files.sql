CREATE TYPE "public"."attachment_role" AS ENUM('official_publication', 'scan', 'translation', 'capture', 'snapshot', 'editorial', 'other');--> statement-breakpoint
CREATE TYPE "public"."extraction_state" AS ENUM('pending', 'running', 'done', 'no_text', 'unsupported', 'failed');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer,
	"law_text_id" integer,
	"article_id" integer,
	"source_id" integer,
	"sha256" text NOT NULL,
	"role" "attachment_role" NOT NULL,
	"name" text NOT NULL,
	"captured_on" date,
	"capture_id" integer,
	"internal" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."law_id", "attachments"."article_id", "attachments"."source_id") = 1),
	CONSTRAINT "attachments_text_of_law" CHECK ("attachments"."law_text_id" is null or "attachments"."law_id" is not null),
	CONSTRAINT "attachments_name" CHECK (length("attachments"."name") between 1 and 255 and "attachments"."name" !~ '[/\\[:cntrl:]]')
);
--> statement-breakpoint
CREATE TABLE "captures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "captures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"requested_url" text NOT NULL,
	"final_url" text,
	"http_status" integer,
	"response_type" text,
	"fetched_at" timestamp with time zone NOT NULL,
	"body_sha256" text,
	"snapshot_sha256" text,
	"error" text,
	"created_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "file_pages" (
	"sha256" text NOT NULL,
	"page" integer NOT NULL,
	"text" text NOT NULL,
	"method" text NOT NULL,
	CONSTRAINT "file_pages_sha256_page_pk" PRIMARY KEY("sha256","page"),
	CONSTRAINT "file_pages_page" CHECK ("file_pages"."page" >= 1)
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"page_count" integer,
	"text_layer" boolean,
	"extraction" "extraction_state" DEFAULT 'pending' NOT NULL,
	"extraction_attempts" integer DEFAULT 0 NOT NULL,
	"extraction_started_at" timestamp with time zone,
	"extracted_at" timestamp with time zone,
	"extraction_error" text,
	"thumbnail_sha256" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_sha256" CHECK ("stored_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_files_size" CHECK ("stored_files"."size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_law_text_id_law_text_versions_id_fk" FOREIGN KEY ("law_text_id") REFERENCES "public"."law_text_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_capture_id_captures_id_fk" FOREIGN KEY ("capture_id") REFERENCES "public"."captures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_body_sha256_stored_files_sha256_fk" FOREIGN KEY ("body_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_snapshot_sha256_stored_files_sha256_fk" FOREIGN KEY ("snapshot_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_pages" ADD CONSTRAINT "file_pages_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_law_idx" ON "attachments" USING btree ("law_id","position") WHERE "attachments"."law_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_law_text_idx" ON "attachments" USING btree ("law_text_id") WHERE "attachments"."law_text_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_article_idx" ON "attachments" USING btree ("article_id","position") WHERE "attachments"."article_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_source_idx" ON "attachments" USING btree ("source_id","position") WHERE "attachments"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_sha256_idx" ON "attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "captures_source_idx" ON "captures" USING btree ("source_id","fetched_at");--> statement-breakpoint
CREATE INDEX "stored_files_extraction_idx" ON "stored_files" USING btree ("extraction","created_at") WHERE "stored_files"."extraction" in ('pending', 'running');