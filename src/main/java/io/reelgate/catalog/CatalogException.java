package io.reelgate.catalog;

import io.reelgate.shared.RefusedException;

/**
 * A creator asked for something the catalog's rules forbid. Carries a message code (and arguments) from
 * {@code messages.properties} so the browser shows a clear, translated reason.
 */
public class CatalogException extends RefusedException {

	public CatalogException(String code, Object... arguments) {
		super(code, arguments);
	}
}
