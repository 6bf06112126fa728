-- Figures saved before their last editor was recorded: their creator is the last to have saved
-- them that anyone knows, and may not approve them alone (modules/figures/approve.ts).
UPDATE "figures" SET "edited_by_id" = "created_by_id" WHERE "edited_by_id" IS NULL;
