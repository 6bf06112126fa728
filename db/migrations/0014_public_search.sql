CREATE TABLE "public_search" (
	"item_type" "content_type" NOT NULL,
	"item_id" integer NOT NULL,
	"revision_id" integer NOT NULL,
	"scope" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"jurisdiction_codes" text[] NOT NULL,
	"aliases" text[] NOT NULL,
	"names" text NOT NULL,
	"body" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "public_search_item_type_item_id_pk" PRIMARY KEY("item_type","item_id")
);
--> statement-breakpoint
ALTER TABLE "public_search" ADD CONSTRAINT "public_search_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_search_document_idx" ON "public_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "public_search_names_trgm_idx" ON "public_search" USING gin ("names" gin_trgm_ops);