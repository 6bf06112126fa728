CREATE TABLE "figure_laws" (
	"figure_id" integer NOT NULL,
	"law_id" integer NOT NULL,
	CONSTRAINT "figure_laws_figure_id_law_id_pk" PRIMARY KEY("figure_id","law_id")
);
--> statement-breakpoint
ALTER TABLE "figure_accounts" ADD COLUMN "wording" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "figure_laws" ADD CONSTRAINT "figure_laws_figure_id_figures_id_fk" FOREIGN KEY ("figure_id") REFERENCES "public"."figures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figure_laws" ADD CONSTRAINT "figure_laws_law_id_laws_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."laws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figure_laws_law_idx" ON "figure_laws" USING btree ("law_id");--> statement-breakpoint
-- Values entered before were plain digits, as the form asked: that is how they were printed.
UPDATE "figure_accounts" SET "wording" = "value" WHERE "wording" = '';
