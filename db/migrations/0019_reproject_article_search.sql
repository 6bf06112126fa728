-- Articles' search rows were written with the names their snapshots copied, those of agents that
-- are not public included (docs/adr/0005). Emptied here, they are written again at start by
-- backfillPublicIndex, with the live agents' names only.
DELETE FROM "public_search" WHERE "item_type" = 'article';
