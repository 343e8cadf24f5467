package io.reelgate.catalog;

/**
 * No bundle or file the caller may see has this id. Thrown alike for ids that do not exist and for bundles the
 * caller must not know about (another creator's draft, a hidden bundle), so responses reveal nothing.
 */
public class BundleNotFoundException extends RuntimeException {

	public BundleNotFoundException() {
		super("Bundle not found");
	}
}
