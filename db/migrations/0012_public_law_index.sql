CREATE TABLE "public_laws" (
	"law_id" integer PRIMARY KEY NOT NULL,
	"revision_id" integer NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"type" "law_type" NOT NULL,
	"status" "law_status" NOT NULL,
	"year" integer,
	"topic_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_laws" ADD CONSTRAINT "public_laws_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_laws_jurisdiction_idx" ON "public_laws" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "public_laws_year_idx" ON "public_laws" USING btree ("year");--> statement-breakpoint
CREATE INDEX "public_laws_topics_idx" ON "public_laws" USING gin ("topic_ids");--> statement-breakpoint
CREATE INDEX "public_laws_title_idx" ON "public_laws" USING btree ("title","law_id");--> statement-breakpoint
CREATE INDEX "public_laws_published_idx" ON "public_laws" USING btree ("published_at","law_id");