package io.reelgate.api;

/** A token just created: {@code secret} ({@code rg_pat_...}) is shown to its owner this once and never stored. */
public record NewToken(TokenView token, String secret) {

	@Override
	public String toString() {
		return "NewToken[" + token.id() + "]";
	}
}
