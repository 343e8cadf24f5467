-- Plays and watch time (issue 14). A play is one player page's session of one file by a signed-in viewer who may
-- watch the whole of it, named by a random id the page makes; its reports (the same ones that keep the resume
-- position) each credit the playback since the last one, bounded by the time that passed between them, so a
-- seek forward, a retried or replayed report, or a forged burst adds nothing. The library owns this table; the
-- analytics rollup reads it per day through the library's API.
CREATE TABLE watch_plays (
    id             UUID PRIMARY KEY,
    -- Set to null when the account is deleted: the creator's figures stay, whose viewing it was does not.
    account_id     UUID REFERENCES accounts (id),
    bundle_id      UUID NOT NULL,
    file_id        UUID NOT NULL,
    -- The UTC day the play started: all its watch time counts on that day.
    day            DATE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_report_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq       INT NOT NULL CHECK (last_seq >= 0),
    position_ms    INT NOT NULL CHECK (position_ms >= 0),
    watched_ms     BIGINT NOT NULL DEFAULT 0 CHECK (watched_ms >= 0),
    -- The watch time that makes the session a play: 5 s, or half of a file shorter than 10 s.
    play_ms        INT NOT NULL CHECK (play_ms > 0)
);
CREATE INDEX watch_plays_day_idx ON watch_plays (day);
CREATE INDEX watch_plays_report_idx ON watch_plays (last_report_at);
CREATE INDEX watch_plays_account_idx ON watch_plays (account_id);

-- Plays (sessions that reached the play threshold) and watch time per creator, bundle, file and UTC day, rolled
-- up from watch_plays like the other daily figures: a day is recomputed as a whole, so a rerun gives the same rows.
CREATE TABLE analytics_daily_watch (
    creator_id UUID NOT NULL,
    bundle_id  UUID NOT NULL,
    file_id    UUID NOT NULL,
    day        DATE NOT NULL,
    plays      BIGINT NOT NULL DEFAULT 0,
    watched_ms BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (creator_id, bundle_id, file_id, day)
);
CREATE INDEX analytics_daily_watch_day_idx ON analytics_daily_watch (day);
