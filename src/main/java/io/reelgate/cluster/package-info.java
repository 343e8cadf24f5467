/**
 * What several identical instances need to behave as one: scheduled jobs that run once per cluster. Sessions,
 * rate limits, upload state and event publications already live in PostgreSQL.
 */
package io.reelgate.cluster;
