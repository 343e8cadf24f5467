package io.reelgate.library.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The test profile allows 15 library loads (each signing fresh links) per account in 10 minutes. */
@IntegrationTest
class DownloadLinkRateLimitTests {

	private static final Pattern SIGNED_LINK = Pattern.compile("href=\"(/dl/[^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anAccountThatKeepsMintingLinksIsRefusedWhileLinksAlreadyIssuedKeepWorking() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Linked"), "the film".getBytes());
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()));

		String page = mvc.perform(get("/library").with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher link = SIGNED_LINK.matcher(page);
		assertThat(link.find()).isTrue();
		for (int load = 2; load <= 15; load++) {
			mvc.perform(get("/library").with(user(viewer))).andExpect(status().isOk());
		}

		mvc.perform(get("/library").with(user(viewer)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		mvc.perform(get(link.group(1).replace("&amp;", "&"))).andExpect(status().isOk());
		mvc.perform(get("/library").with(user(fixtures.viewer()))).andExpect(status().isOk());
	}
}
