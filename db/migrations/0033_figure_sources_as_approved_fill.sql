-- Figures readers already see keep their sources as they stand now: from here on, a source's
-- record is shown to readers only as it stood at the figure's approval.
UPDATE "figure_accounts" AS fa
SET "approved_source_title" = s."title", "approved_source_url" = s."url"
FROM "sources" AS s, "figures" AS f
WHERE s."id" = fa."source_id" AND f."id" = fa."figure_id" AND f."approved_at" IS NOT NULL;
