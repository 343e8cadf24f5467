package io.reelgate.api;

/** No token of the caller has this id; another creator's token looks the same. */
public class TokenNotFoundException extends RuntimeException {

	public TokenNotFoundException() {
		super("Token not found");
	}
}
