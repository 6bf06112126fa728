CREATE TYPE "public"."agent_kind" AS ENUM('person', 'legislature', 'government_body', 'media_outlet', 'publisher', 'movement', 'other');--> statement-breakpoint
CREATE TYPE "public"."article_kind" AS ENUM('news', 'opinion', 'analysis', 'statement');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('year', 'month', 'day');--> statement-breakpoint
CREATE TYPE "public"."jurisdiction_kind" AS ENUM('country', 'historical', 'subdivision', 'international');--> statement-breakpoint
CREATE TYPE "public"."law_event_kind" AS ENUM('initiated', 'reading', 'adopted', 'returned', 'signed', 'published', 'in_force', 'amended', 'repealed', 'other');--> statement-breakpoint
CREATE TYPE "public"."law_relation_kind" AS ENUM('amends', 'repeals', 'implements', 'cites', 'comparable');--> statement-breakpoint
CREATE TYPE "public"."law_type" AS ENUM('law', 'decree', 'code', 'resolution', 'bill', 'other');--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "jurisdiction_kind" DEFAULT 'country' NOT NULL,
	"start_year" integer,
	"end_year" integer,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" integer,
	"description" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "topics_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "agent_names" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agent_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agent_id" integer NOT NULL,
	"name" text NOT NULL,
	"lang" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"kind" "agent_kind" NOT NULL,
	"preferred_name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"publisher_id" integer,
	"accessed_on" date,
	"archived_url" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_event_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_event_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"date" date,
	"precision" date_precision,
	"approximate" boolean DEFAULT false NOT NULL,
	"source_id" integer,
	"preferred" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "law_event_accounts_date_precision" CHECK (("law_event_accounts"."date" is null) = ("law_event_accounts"."precision" is null))
);
--> statement-breakpoint
CREATE TABLE "law_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer NOT NULL,
	"kind" "law_event_kind" NOT NULL,
	"agent_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_identifiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_identifiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer NOT NULL,
	"registry" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_periods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_periods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	CONSTRAINT "law_periods_order" CHECK ("law_periods"."start_year" <= "law_periods"."end_year")
);
--> statement-breakpoint
CREATE TABLE "law_relations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_relations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_law_id" integer NOT NULL,
	"to_law_id" integer NOT NULL,
	"kind" "law_relation_kind" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "law_relations_not_self" CHECK ("law_relations"."from_law_id" <> "law_relations"."to_law_id")
);
--> statement-breakpoint
CREATE TABLE "law_sources" (
	"law_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "law_sources_law_id_source_id_pk" PRIMARY KEY("law_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "law_text_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_text_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer NOT NULL,
	"lang" text NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"effective_date" date,
	"effective_precision" date_precision,
	"effective_approximate" boolean DEFAULT false NOT NULL,
	"source_id" integer,
	"body" text NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_titles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "law_titles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"law_id" integer NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"preferred" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_topics" (
	"law_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	CONSTRAINT "law_topics_law_id_topic_id_pk" PRIMARY KEY("law_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "article_authors" (
	"article_id" integer NOT NULL,
	"agent_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "article_authors_article_id_agent_id_pk" PRIMARY KEY("article_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "article_jurisdictions" (
	"article_id" integer NOT NULL,
	"jurisdiction_code" text NOT NULL,
	CONSTRAINT "article_jurisdictions_article_id_jurisdiction_code_pk" PRIMARY KEY("article_id","jurisdiction_code")
);
--> statement-breakpoint
CREATE TABLE "article_laws" (
	"article_id" integer NOT NULL,
	"law_id" integer NOT NULL,
	CONSTRAINT "article_laws_article_id_law_id_pk" PRIMARY KEY("article_id","law_id")
);
--> statement-breakpoint
CREATE TABLE "article_sources" (
	"article_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "article_sources_article_id_source_id_pk" PRIMARY KEY("article_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "article_topics" (
	"article_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	CONSTRAINT "article_topics_article_id_topic_id_pk" PRIMARY KEY("article_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"kind" "article_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"lang" text DEFAULT 'en' NOT NULL,
	"publisher_id" integer,
	"credited_agent_id" integer,
	"original_date" date,
	"original_precision" date_precision,
	"original_approximate" boolean DEFAULT false NOT NULL,
	"original_url" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "figure_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "figure_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"figure_id" integer NOT NULL,
	"value" text NOT NULL,
	"as_of_date" date,
	"as_of_precision" date_precision,
	"as_of_approximate" boolean DEFAULT false NOT NULL,
	"source_id" integer,
	"preferred" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"label" text NOT NULL,
	"jurisdiction_code" text,
	"unit" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slug_redirects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "slug_redirects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_type" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"old_slug" text NOT NULL,
	"item_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "laws" DROP CONSTRAINT "laws_slug_unique";--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "type" "law_type" DEFAULT 'law' NOT NULL;--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "created_by_id" integer;--> statement-breakpoint
ALTER TABLE "laws" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_parent_id_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_names" ADD CONSTRAINT "agent_names_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_publisher_id_agents_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_event_accounts" ADD CONSTRAINT "law_event_accounts_event_id_law_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."law_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_event_accounts" ADD CONSTRAINT "law_event_accounts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_events" ADD CONSTRAINT "law_events_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_events" ADD CONSTRAINT "law_events_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_identifiers" ADD CONSTRAINT "law_identifiers_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_periods" ADD CONSTRAINT "law_periods_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_relations" ADD CONSTRAINT "law_relations_from_law_id_laws_id_fk" FOREIGN KEY ("from_law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_relations" ADD CONSTRAINT "law_relations_to_law_id_laws_id_fk" FOREIGN KEY ("to_law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_sources" ADD CONSTRAINT "law_sources_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_sources" ADD CONSTRAINT "law_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_text_versions" ADD CONSTRAINT "law_text_versions_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_text_versions" ADD CONSTRAINT "law_text_versions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_text_versions" ADD CONSTRAINT "law_text_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_titles" ADD CONSTRAINT "law_titles_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_topics" ADD CONSTRAINT "law_topics_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "law_topics" ADD CONSTRAINT "law_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_authors" ADD CONSTRAINT "article_authors_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_jurisdictions" ADD CONSTRAINT "article_jurisdictions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_jurisdictions" ADD CONSTRAINT "article_jurisdictions_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_laws" ADD CONSTRAINT "article_laws_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_laws" ADD CONSTRAINT "article_laws_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_publisher_id_agents_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_credited_agent_id_agents_id_fk" FOREIGN KEY ("credited_agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_accounts" ADD CONSTRAINT "figure_accounts_figure_id_figures_id_fk" FOREIGN KEY ("figure_id") REFERENCES "public"."figures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_accounts" ADD CONSTRAINT "figure_accounts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_names_agent_idx" ON "agent_names" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "agents_search_text_trgm_idx" ON "agents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "law_event_accounts_event_idx" ON "law_event_accounts" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "law_events_law_idx" ON "law_events" USING btree ("law_id","position");--> statement-breakpoint
CREATE INDEX "law_identifiers_law_idx" ON "law_identifiers" USING btree ("law_id");--> statement-breakpoint
CREATE INDEX "law_periods_law_idx" ON "law_periods" USING btree ("law_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_relations_unique_idx" ON "law_relations" USING btree ("from_law_id","to_law_id","kind");--> statement-breakpoint
CREATE INDEX "law_relations_to_idx" ON "law_relations" USING btree ("to_law_id");--> statement-breakpoint
CREATE INDEX "law_text_versions_law_idx" ON "law_text_versions" USING btree ("law_id");--> statement-breakpoint
CREATE INDEX "law_titles_law_idx" ON "law_titles" USING btree ("law_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_titles_one_preferred_idx" ON "law_titles" USING btree ("law_id") WHERE "law_titles"."preferred";--> statement-breakpoint
CREATE INDEX "law_topics_topic_idx" ON "law_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "article_authors_agent_idx" ON "article_authors" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "article_laws_law_idx" ON "article_laws" USING btree ("law_id");--> statement-breakpoint
CREATE INDEX "article_topics_topic_idx" ON "article_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "articles_original_date_idx" ON "articles" USING btree ("original_date");--> statement-breakpoint
CREATE INDEX "figure_accounts_figure_idx" ON "figure_accounts" USING btree ("figure_id");--> statement-breakpoint
CREATE INDEX "slug_redirects_lookup_idx" ON "slug_redirects" USING btree ("item_type","scope","old_slug");--> statement-breakpoint
-- Laws that exist already name their jurisdiction by code: give each code a row (named by its code until an editor names it) before the foreign key.
INSERT INTO "jurisdictions" ("code", "name") SELECT DISTINCT "jurisdiction_code", "jurisdiction_code" FROM "laws" ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laws" ADD CONSTRAINT "laws_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "laws_jurisdiction_slug_idx" ON "laws" USING btree ("jurisdiction_code","slug");--> statement-breakpoint
CREATE INDEX "laws_title_trgm_idx" ON "laws" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "laws_updated_at_idx" ON "laws" USING btree ("updated_at","id");