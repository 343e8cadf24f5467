/**
 * What several identical instances need to behave as one: scheduled jobs that run once per cluster, and instance
 * heartbeats, so that what a vanished instance held is taken over within seconds. Sessions, rate limits, upload
 * state and event publications already live in PostgreSQL.
 */
@ApplicationModule(allowedDependencies = {})
package io.reelgate.cluster;

import org.springframework.modulith.ApplicationModule;
