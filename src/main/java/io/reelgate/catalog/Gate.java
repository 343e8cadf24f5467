package io.reelgate.catalog;

/** What stands between a viewer and a bundle's files. */
public enum Gate {
	FREE, PAID
}
