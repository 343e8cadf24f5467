-- Issue 15: tags to browse and search, sorting the storefront, and creator pages with a banner, bio and links.

-- Tags: the creator's words for a bundle, normalized (lowercase, hyphens for spaces), a few per bundle, in the
-- creator's order. bundle_tags is what the editor writes; a trigger copies the list onto bundles (tags, tags_text)
-- so that a tag page walks the storefront's indexes with one more condition and search indexes tags with the rest,
-- both in one statement without a join.
CREATE TABLE bundle_tags (
    bundle_id UUID     NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    tag       TEXT     NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 64),
    position  SMALLINT NOT NULL,
    PRIMARY KEY (bundle_id, tag)
);
-- Which tags exist publicly, for the sitemap; browsing reads bundles.tags.
CREATE INDEX bundle_tags_tag_idx ON bundle_tags (tag);

ALTER TABLE bundles ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE bundles ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';

CREATE FUNCTION bundle_tags_copy() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    changed UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.bundle_id ELSE NEW.bundle_id END;
BEGIN
    UPDATE bundles b SET tags = t.tags, tags_text = array_to_string(t.tags, ' ')
    FROM (SELECT coalesce(array_agg(tag ORDER BY position, tag), '{}') AS tags
          FROM bundle_tags WHERE bundle_id = changed) t
    WHERE b.id = changed AND b.tags IS DISTINCT FROM t.tags;
    RETURN NULL;
END
$$;
CREATE TRIGGER bundle_tags_copy AFTER INSERT OR UPDATE OR DELETE ON bundle_tags
    FOR EACH ROW EXECUTE FUNCTION bundle_tags_copy();

-- A tag page: public bundles with the tag. For a common tag PostgreSQL walks a sort index and filters; for a rare
-- one it reads this index and sorts the few matches.
CREATE INDEX bundles_tags_idx ON bundles USING GIN (tags)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;

-- Search finds a bundle by its tags (weight B, as the creator's name). The generated column gets its new
-- expression in place (PostgreSQL 17); the old migration that made it stays as it was.
ALTER TABLE bundles ALTER COLUMN search SET EXPRESSION AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', title), 'A') ||
    setweight(to_tsvector('english', creator_name), 'B') || setweight(to_tsvector('simple', creator_name), 'B') ||
    setweight(to_tsvector('simple', tags_text), 'B') ||
    setweight(to_tsvector('english', summary), 'C'));

-- Typo correction knows tags' words too.
CREATE OR REPLACE FUNCTION bundles_collect_search_words() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT lexeme FROM unnest(to_tsvector('simple', NEW.title || ' ' || NEW.creator_name || ' ' || NEW.tags_text))
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
DROP TRIGGER bundles_collect_search_words ON bundles;
CREATE TRIGGER bundles_collect_search_words AFTER INSERT OR UPDATE OF title, creator_name, tags_text ON bundles
    FOR EACH ROW EXECUTE FUNCTION bundles_collect_search_words();

-- Sorting. "Popular": how many people got the bundle (paid, claimed free, unlocked) over a recent window, counted
-- by a job every few minutes (library.Popularity), so the sort is an index walk, not a count per page view.
ALTER TABLE bundles ADD COLUMN popularity INTEGER NOT NULL DEFAULT 0;
CREATE INDEX bundles_popular_idx ON bundles (popularity DESC, id DESC)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;
-- The job's window: entitlements granted since a moment.
CREATE INDEX entitlements_granted_idx ON entitlements (granted_at);
-- Price, either way: free bundles count as 0, pay what you want by its minimum, each in its main currency.
CREATE INDEX bundles_price_idx ON bundles ((coalesce(price_minor, 0)), id)
    WHERE status = 'PUBLISHED' AND hidden_at IS NULL AND owner_withdrawn_at IS NULL;

-- A creator's page: bio (plain text, paragraphs kept), up to five links, a banner image stored like covers.
CREATE TABLE creator_profiles (
    account_id          UUID PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    bio                 TEXT NOT NULL DEFAULT '' CHECK (char_length(bio) <= 4000),
    links               TEXT[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 5),
    banner_key          TEXT,
    banner_content_type TEXT,
    banner_size         BIGINT,
    banner_sha256       TEXT,
    banner_updated_at   TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
