package io.reelgate.shared;

/**
 * A request refused for a reason the person can read: a message code from {@code messages.properties} and its
 * arguments, which the page, form or problem response shows. Each module names its own subclass, so callers catch
 * only the refusals they can show.
 */
public abstract class RefusedException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	protected RefusedException(String code, Object... arguments) {
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

	/**
	 * The HTTP status an API answers this refusal with: 422, the request understood and a rule saying no, unless
	 * the module's refusal says otherwise.
	 */
	public int status() {
		return 422;
	}
}
