CREATE INDEX "agents_name_idx" ON "agents" USING btree ("preferred_name","id");--> statement-breakpoint
CREATE INDEX "agents_updated_at_idx" ON "agents" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "sources_updated_at_idx" ON "sources" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "sources_title_trgm_idx" ON "sources" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_url_trgm_idx" ON "sources" USING gin ("url" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_publisher_idx" ON "sources" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "law_event_accounts_source_idx" ON "law_event_accounts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "law_events_agent_idx" ON "law_events" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "law_sources_source_idx" ON "law_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "law_text_versions_source_idx" ON "law_text_versions" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "laws_title_idx" ON "laws" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "article_sources_source_idx" ON "article_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "articles_title_idx" ON "articles" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "articles_publisher_idx" ON "articles" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "articles_credited_agent_idx" ON "articles" USING btree ("credited_agent_id");--> statement-breakpoint
CREATE INDEX "figure_accounts_source_idx" ON "figure_accounts" USING btree ("source_id");