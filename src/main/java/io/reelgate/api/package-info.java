/**
 * The creators' REST API under {@code /api/v1} with personal access tokens and scopes; answers in RFC 9457 problem
 * JSON.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "ratelimit", "uploads" })
package io.reelgate.api;

import org.springframework.modulith.ApplicationModule;
