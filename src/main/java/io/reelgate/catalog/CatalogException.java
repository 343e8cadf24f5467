package io.reelgate.catalog;

/**
 * A creator asked for something the catalog's rules forbid. Carries a message code (and arguments) from
 * {@code messages.properties} so the browser shows a clear, translated reason.
 */
public class CatalogException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	public CatalogException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
