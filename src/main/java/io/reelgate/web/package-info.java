/**
 * Cross-cutting web concerns only: security configuration, error pages and the refusal advice, request ids,
 * filters.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "library", "moderation", "ratelimit" })
package io.reelgate.web;

import org.springframework.modulith.ApplicationModule;
