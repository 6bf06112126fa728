CREATE TABLE "public_attachments" (
	"attachment_id" integer PRIMARY KEY NOT NULL,
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"text_id" integer,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"role" "attachment_role" NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"page_count" integer,
	"captured_on" date,
	"position" integer NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_file_pages" (
	"sha256" text NOT NULL,
	"page" integer NOT NULL,
	"body" text NOT NULL,
	"document" "tsvector" NOT NULL,
	CONSTRAINT "public_file_pages_sha256_page_pk" PRIMARY KEY("sha256","page")
);
--> statement-breakpoint
ALTER TABLE "public_attachments" ADD CONSTRAINT "public_attachments_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_attachments_item_idx" ON "public_attachments" USING btree ("item_type","item_id","position");--> statement-breakpoint
CREATE INDEX "public_attachments_sha256_idx" ON "public_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "public_file_pages_document_idx" ON "public_file_pages" USING gin ("document");