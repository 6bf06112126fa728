-- Positions were the order events were added in, and the timeline was sorted by each event's
-- first day. They are now the editor's order, which the timeline keeps among events whose dates
-- overlap (modules/laws/timeline-order.ts): renumbered in the order every timeline showed, so that
-- none changes.
WITH shown AS (
  SELECT e."id", row_number() OVER (
    PARTITION BY e."law_id"
    ORDER BY (
      SELECT a."date" FROM "law_event_accounts" a
      WHERE a."event_id" = e."id"
      ORDER BY a."preferred" DESC, a."id"
      LIMIT 1
    ) NULLS LAST, e."position", e."id"
  ) - 1 AS "place"
  FROM "law_events" e
)
UPDATE "law_events" SET "position" = shown."place" FROM shown WHERE "law_events"."id" = shown."id";
