/** Resumable uploads (tus): sessions, staged bytes, checkpoints and leases, ending in a bundle file. */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "cluster", "storage", "torrents" })
package io.reelgate.uploads;

import org.springframework.modulith.ApplicationModule;
