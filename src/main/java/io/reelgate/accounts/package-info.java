/**
 * Accounts: sign-up, login, roles, verification and password links, sessions; the account other modules name by
 * {@code AccountId}.
 */
@ApplicationModule(allowedDependencies = { "ratelimit" })
package io.reelgate.accounts;

import org.springframework.modulith.ApplicationModule;
