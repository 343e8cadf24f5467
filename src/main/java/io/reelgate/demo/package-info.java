/** Demo data for a fresh install, when switched on. */
@ApplicationModule(allowedDependencies = { "accounts", "catalog" })
package io.reelgate.demo;

import org.springframework.modulith.ApplicationModule;
