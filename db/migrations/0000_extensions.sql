-- pg_trgm powers typo-tolerant search over names and titles; PGlite loads it as a bundled extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
