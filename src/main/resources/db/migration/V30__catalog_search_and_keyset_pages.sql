-- The storefront at scale (issue 22) and search that finds what people type (issue 15).

-- Pages walk these indexes newest first from the last card shown ("older than this one"), whatever the depth.
-- Only public bundles are in them: published, not hidden (removed bundles are hidden too), creator not withdrawn.
DROP INDEX bundles_storefront_idx;
CREATE INDEX bundles_storefront_idx ON bundles (published_at DESC, id DESC)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;
CREATE INDEX bundles_creator_storefront_idx ON bundles (owner_id, published_at DESC, id DESC)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;

-- Title and creator name are indexed twice: stemmed ('english', so "lighthouse" finds "Lighthouses" and "Pictures"
-- finds "Pictures") and as typed ('simple', so a prefix such as "lum" finds "Lumen" before stemming changes it).
DROP INDEX bundles_search_idx;
ALTER TABLE bundles DROP COLUMN search;
ALTER TABLE bundles ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('english', creator_name), 'B') || setweight(to_tsvector('simple', creator_name), 'B') ||
    setweight(to_tsvector('english', summary), 'C')) STORED;
CREATE INDEX bundles_search_idx ON bundles USING GIN (search)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;

-- Every word of any bundle's title and creator name, for correcting typos: a word typed that no bundle has is
-- replaced by the most similar word here (trigrams), then searched for as usual. Matching typos against a few
-- thousand words is cheap where matching them against every title is not. Words are never removed: a stale word
-- finds nothing public, and the list shows nobody anything.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE search_words (
    word TEXT PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING GIN (word gin_trgm_ops);

CREATE FUNCTION bundles_collect_search_words() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.creator_name))
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
CREATE TRIGGER bundles_collect_search_words AFTER INSERT OR UPDATE OF title, creator_name ON bundles
    FOR EACH ROW EXECUTE FUNCTION bundles_collect_search_words();

INSERT INTO search_words (word)
SELECT DISTINCT lexeme FROM bundles, unnest(to_tsvector('simple', title || ' ' || creator_name))
ON CONFLICT DO NOTHING;
