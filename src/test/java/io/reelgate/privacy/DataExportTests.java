package io.reelgate.privacy;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
class DataExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anAccountDownloadsItsOwnDataAsJson() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String made = Fixtures.unique("Made");
		fixtures.published(creator, made, "x".getBytes());
		AccountPrincipal buyer = fixtures.viewer();
		String bought = Fixtures.unique("Bought");
		BundleId bundle = fixtures.published(fixtures.creator(), bought, "x".getBytes());
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		mvc.perform(get("/account/export").with(user(buyer)))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(jsonPath("$.account.email").value(buyer.email()))
			.andExpect(jsonPath("$.account.status").value("ACTIVE"))
			.andExpect(jsonPath("$.library", hasSize(1)))
			.andExpect(jsonPath("$.library[0].title").value(bought))
			.andExpect(jsonPath("$.bundles", hasSize(0)));
		mvc.perform(get("/account/export").with(user(creator)))
			.andExpect(jsonPath("$.account.role").value("CREATOR"))
			.andExpect(jsonPath("$.bundles[0].title").value(made))
			.andExpect(jsonPath("$.bundles[0].files[0]").value("film.mp4"));
	}

	@Test
	void anonymousVisitorsAreSentToLogIn() throws Exception {
		mvc.perform(get("/account/export")).andExpect(redirectedUrl("/login"));
	}
}
