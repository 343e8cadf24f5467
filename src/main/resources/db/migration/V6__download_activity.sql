-- Downloads aggregated per link, client address and day. A player seeking through a film sends hundreds of range
-- requests and a download manager splits one file into many; each of those only bumps its row's counters, while a
-- link fetched from many addresses still shows one row per address. Replaces writing a row per request to
-- download_log (V3), which is kept, no longer written, for the rows it holds.
CREATE TABLE download_activity (
    file_id         UUID NOT NULL REFERENCES bundle_files (id) ON DELETE CASCADE,
    account_id      UUID NOT NULL REFERENCES accounts (id),
    -- The expiry of the signed link used; 1970-01-01 for downloads by a signed-in user at /downloads/{id}.
    link_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip       VARCHAR(64) NOT NULL,
    day             DATE NOT NULL,
    bundle_id       UUID NOT NULL REFERENCES bundles (id) ON DELETE CASCADE,
    requests        INT NOT NULL CHECK (requests > 0),
    range_requests  INT NOT NULL CHECK (range_requests >= 0),
    bytes_served    BIGINT NOT NULL CHECK (bytes_served >= 0),
    first_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (file_id, account_id, link_expires_at, client_ip, day)
);
CREATE INDEX download_activity_bundle_idx ON download_activity (bundle_id);
CREATE INDEX download_activity_last_idx ON download_activity (last_at);
