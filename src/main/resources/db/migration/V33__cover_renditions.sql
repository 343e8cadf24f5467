-- Sized JPEG copies of covers for the storefront's srcset (catalog's CoverRenditions), made on first request and
-- kept in the blob store. Keyed by the cover's bytes, not the bundle: a changed cover gets new copies (and new
-- URLs), and bundles sharing an image share them. The primary key makes concurrent instances agree on one copy.
CREATE TABLE cover_renditions (
    source_sha256 VARCHAR(64)              NOT NULL,
    width         INTEGER                  NOT NULL,
    storage_key   VARCHAR(200)             NOT NULL,
    size          BIGINT                   NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_sha256, width)
);
