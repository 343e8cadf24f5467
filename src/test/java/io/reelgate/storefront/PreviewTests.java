package io.reelgate.storefront;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PreviewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	ModerationService moderation;

	@Test
	void aMarkedTrailerStreamsToAnyoneWithRangesAndTheRestStaysLocked() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("With trailer"), "film".getBytes(), "5.00", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(2));

		mvc.perform(post("/studio/bundles/{id}/files/{fid}/preview", bundle, trailer.id()).with(user(creator))
			.with(csrf()).param("offered", "true")).andExpect(flash().attribute("success", "file.preview.on"));

		mvc.perform(get("/bundles/{id}", bundle))
			.andExpect(content().string(containsString("/bundles/" + bundle + "/previews/" + trailer.id())));
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("audio/")))
			.andExpect(header().string("Content-Disposition", startsWith("inline")))
			.andExpect(header().string("Accept-Ranges", "bytes"));
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id()).header("Range", "bytes=100-199"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 100-199/" + trailer.size()));
	}

	@Test
	void onlyPreviewsOfVisibleBundlesStreamAndOnlyMediaCanBePreviews() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Locked"), "film".getBytes(), "5.00", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(1));
		FileView notes = fixtures.addFile(creator, bundle, "notes.txt", "Director's notes".getBytes());

		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id())).andExpect(status().isNotFound());
		assertThatThrownBy(() -> fixtures.as(creator, () -> {
			catalogService.offerAsPreview(creator.accountId(), bundle, notes.id(), true);
			return null;
		})).hasMessage("file.preview.notPlayable");
		mvc.perform(post("/studio/bundles/{id}/files/{fid}/preview", bundle, trailer.id())
			.with(user(fixtures.creator())).with(csrf()).param("offered", "true")).andExpect(status().isNotFound());

		fixtures.as(creator, () -> {
			catalogService.offerAsPreview(creator.accountId(), bundle, trailer.id(), true);
			return null;
		});
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, notes.id())).andExpect(status().isNotFound());
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "Checking a claim");
			return null;
		});
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id()).with(user(creator)))
			.andExpect(status().isOk());
		mvc.perform(get("/bundles/{id}", bundle).with(user(creator)))
			.andExpect(content().string(not(containsString("/previews/" + notes.id()))));
	}
}
