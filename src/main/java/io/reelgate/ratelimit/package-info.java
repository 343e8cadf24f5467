/**
 * Rate limits whose token buckets live in PostgreSQL, so that every instance of the application counts against the
 * same buckets. The API is {@link io.reelgate.ratelimit.RateLimiter}, {@link io.reelgate.ratelimit.Limit} and
 * {@link io.reelgate.ratelimit.RateLimitExceededException}; the module knows nothing about what it limits.
 */
@ApplicationModule(allowedDependencies = {})
package io.reelgate.ratelimit;

import org.springframework.modulith.ApplicationModule;
