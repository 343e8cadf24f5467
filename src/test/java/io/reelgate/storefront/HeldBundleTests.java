package io.reelgate.storefront;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A bundle moderation hides stays recognisable to those who hold it, and shows one state in the studio. */
@IntegrationTest
class HeldBundleTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Test
	void aHiddenBundleKeepsItsCoverAndTitleInTheBuyersLibraryButNobodyElseSeesTheCover() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Held Film");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "5.00", "USD");
		mvc.perform(multipart("/studio/bundles/{id}/cover", bundle)
			.file(new MockMultipartFile("cover", "cover.png", "image/png", PNG)).with(user(creator)).with(csrf()));
		AccountPrincipal buyer = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "Under review");
			return null;
		});

		mvc.perform(get("/bundles/{id}/cover", bundle).with(user(buyer)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "private, max-age=300"));
		mvc.perform(get("/bundles/{id}/cover", bundle).with(user(fixtures.viewer()))).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/cover", bundle)).andExpect(status().isNotFound());
		String library = mvc.perform(get("/library").with(user(buyer))).andReturn().getResponse().getContentAsString();
		assertThat(library).contains(title, "/bundles/" + bundle + "/cover");

		String studio = mvc.perform(get("/studio").with(user(creator))).andReturn().getResponse().getContentAsString();
		Matcher row = Pattern.compile("<tr>(?:(?!</tr>).)*" + Pattern.quote(title) + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
			.matcher(studio);
		assertThat(row.find()).isTrue();
		assertThat(row.group()).contains(">Hidden<").doesNotContain(">Published<");
		assertThat(Pattern.compile("class=\"badge").matcher(row.group()).results().count()).isEqualTo(1);
	}
}
