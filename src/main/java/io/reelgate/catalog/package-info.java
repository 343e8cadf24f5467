/**
 * Bundles (the aggregate), their files, gate, price, rental offer and release; the queries other modules ask
 * ({@code Catalog}) and the creator's changes ({@code CatalogService}).
 */
@ApplicationModule(allowedDependencies = { "accounts", "storage" })
package io.reelgate.catalog;

import org.springframework.modulith.ApplicationModule;
