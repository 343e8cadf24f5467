-- The running instances of the application, each beating here every few seconds (see cluster/InstanceHeartbeat):
-- an instance whose heartbeat stopped is gone, and what it held (an upload's lease) may be taken over at once.
CREATE TABLE cluster_instances (
    id           UUID PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The instance whose request holds an upload's lease. No foreign key: an instance's row goes when it stops, and
-- its leases must then stop blocking rather than disappear. Leases taken before this column count as before.
ALTER TABLE upload_sessions ADD COLUMN lease_instance UUID;
