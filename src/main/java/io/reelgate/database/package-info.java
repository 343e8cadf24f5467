/** The database the application runs on: an embedded PostgreSQL when {@code spring.datasource.url} is blank. */
@ApplicationModule(allowedDependencies = {})
package io.reelgate.database;

import org.springframework.modulith.ApplicationModule;
