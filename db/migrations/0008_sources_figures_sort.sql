CREATE INDEX "sources_title_idx" ON "sources" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "figures_label_idx" ON "figures" USING btree ("label","id");