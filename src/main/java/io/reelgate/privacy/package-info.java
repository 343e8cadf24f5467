/**
 * A person's own data: the export of everything Reelgate holds about their account. Reads from accounts, catalog,
 * checkout and library; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "library" })
package io.reelgate.privacy;

import org.springframework.modulith.ApplicationModule;
