package io.reelgate.api;

import java.util.EnumSet;
import java.util.Optional;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.ratelimit.Limit;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each token's requests are limited (20 per 10 minutes in the test profile), one token's use not hurting another. */
@IntegrationTest
class ApiRateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	ApiRateLimitProperties limits;

	@Test
	void aTokenOverItsLimitGets429WithRetryAfterAndOtherTokensCarryOn() throws Exception {
		Limit limit = limits.perToken();
		AccountPrincipal creator = fixtures.creator();
		String busy = token(creator);
		String quiet = token(creator);

		for (int i = 0; i < limit.capacity(); i++) {
			list(busy).andExpect(status().isOk());
		}
		String retryAfter = list(busy).andExpect(status().isTooManyRequests())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(429))
			.andReturn().getResponse().getHeader("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isPositive().isLessThanOrEqualTo(limit.period().toSeconds());

		list(quiet).andExpect(status().isOk());
	}

	private String token(AccountPrincipal creator) {
		return fixtures.as(creator,
				() -> tokens.create(creator.accountId(), "busy", EnumSet.of(Scope.BUNDLES_READ), Optional.empty()))
			.secret();
	}

	private ResultActions list(String token) throws Exception {
		return mvc.perform(get("/api/v1/bundles").header("Authorization", "Bearer " + token));
	}
}
