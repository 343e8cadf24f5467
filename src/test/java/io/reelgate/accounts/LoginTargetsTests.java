package io.reelgate.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LoginTargetsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/bundles/0c6a5f7e-1111-4e4e-9a9a-123456789abc", "/bundles/x?code=SPRING25",
			"/library#top", "/studio/bundles/abc" })
	void followsPathsOnThisSite(String target) {
		assertThat(LoginTargets.local(target)).isEqualTo(target);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
			"javascript:alert(1)", "evil.example", "/bundles/x\r\nSet-Cookie: a=b", "/a\tb", "/login", "/login?next=/",
			"/login/second-factor", "/signup", "/logout", "/{x}", "/%0d" + "\u0000" })
	void refusesAnythingElse(String target) {
		assertThat(LoginTargets.local(target)).isNull();
	}
}
