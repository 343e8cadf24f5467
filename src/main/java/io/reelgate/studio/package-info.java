/** The creator's studio pages that span modules: dashboard, sales, discount codes and collected emails. */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "library", "moderation" })
package io.reelgate.studio;

import org.springframework.modulith.ApplicationModule;
