-- Account lifecycle: verified email addresses, single-use links (email verification, password reset, email change)
-- and deleted accounts, which stay as anonymised rows because orders, the ledger and the audit log refer to them.
ALTER TABLE accounts
    ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN deleted_at        TIMESTAMP WITH TIME ZONE;

-- Accounts opened before verification existed are not locked out: they count as verified since their creation.
UPDATE accounts SET email_verified_at = created_at;

-- Only a SHA-256 of each link's random token is stored, so whoever reads the database (backups, support queries)
-- cannot use a link. email is the address the link was mailed to (verification, email change); a verification
-- link stops working once the account's address is no longer that one.
CREATE TABLE account_tokens (
    token_hash VARCHAR(64) PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    account_id UUID         NOT NULL REFERENCES accounts (id),
    purpose    VARCHAR(20)  NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
    email      VARCHAR(320),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CHECK (purpose = 'RESET_PASSWORD' OR email IS NOT NULL)
);
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, purpose);
CREATE INDEX account_tokens_expiry_idx ON account_tokens (expires_at);
