-- public_tag_counts follows public_tags in the statement that changes it (db/schema/public-projections.ts).
-- Statement triggers with transition tables: one grouped write per statement, however many tags a
-- publication or a bulk load writes. Counts are taken in key order, so that two publications
-- touching the same topics lock their counts in the same order and cannot deadlock.
CREATE FUNCTION public_tag_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public_tag_counts AS c (vocabulary, value, item_type, n)
    SELECT vocabulary, value, item_type, count(*)::int FROM added
    GROUP BY vocabulary, value, item_type ORDER BY vocabulary, value, item_type
  ON CONFLICT (vocabulary, value, item_type) DO UPDATE SET n = c.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION public_tag_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone record;
BEGIN
  FOR gone IN
    SELECT vocabulary, value, item_type, count(*)::int AS n FROM removed
    GROUP BY vocabulary, value, item_type ORDER BY vocabulary, value, item_type
  LOOP
    UPDATE public_tag_counts SET n = n - gone.n
      WHERE vocabulary = gone.vocabulary AND value = gone.value AND item_type = gone.item_type;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER public_tags_counted_in AFTER INSERT ON "public_tags" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public_tag_counts_add();--> statement-breakpoint
CREATE TRIGGER public_tags_counted_out AFTER DELETE ON "public_tags" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public_tag_counts_remove();--> statement-breakpoint
CREATE FUNCTION public_tag_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved record;
BEGIN
  -- Nothing changes a tag's key today; should something, its count moves with it.
  FOR moved IN
    SELECT vocabulary, value, item_type, sum(d)::int AS n FROM (
      SELECT vocabulary, value, item_type, -1 AS d FROM removed
      UNION ALL SELECT vocabulary, value, item_type, 1 AS d FROM added) AS changes
    GROUP BY vocabulary, value, item_type HAVING sum(d) <> 0 ORDER BY vocabulary, value, item_type
  LOOP
    INSERT INTO public_tag_counts AS c (vocabulary, value, item_type, n)
      VALUES (moved.vocabulary, moved.value, moved.item_type, moved.n)
      ON CONFLICT (vocabulary, value, item_type) DO UPDATE SET n = c.n + excluded.n;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER public_tags_counted_moved AFTER UPDATE ON "public_tags" REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public_tag_counts_move();--> statement-breakpoint
CREATE FUNCTION public_tag_counts_reject_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'public_tags is counted in public_tag_counts: delete its rows instead of truncating it';
END
$$;--> statement-breakpoint
CREATE TRIGGER public_tags_no_truncate BEFORE TRUNCATE ON "public_tags" FOR EACH STATEMENT EXECUTE FUNCTION public_tag_counts_reject_truncate();--> statement-breakpoint
INSERT INTO public_tag_counts (vocabulary, value, item_type, n)
  SELECT vocabulary, value, item_type, count(*)::int FROM public_tags GROUP BY vocabulary, value, item_type;
