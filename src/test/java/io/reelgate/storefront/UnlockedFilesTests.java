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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UnlockedFilesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	ModerationService moderation;

	@Test
	void anUnlockedTrailerStreamsToAnyoneWithRangesAndTheRestStaysLocked() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("With trailer"), "film".getBytes(), "5.00", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(2));

		mvc.perform(post("/studio/bundles/{id}/files/{fid}/unlocked", bundle, trailer.id()).with(user(creator))
			.with(csrf()).param("unlocked", "true")).andExpect(flash().attribute("success", "file.unlocked.on"));

		mvc.perform(get("/bundles/{id}", bundle))
			.andExpect(content().string(containsString("/bundles/" + bundle + "/previews/" + trailer.id())))
			.andExpect(content().string(containsString("/bundles/" + bundle + "/unlocked/" + trailer.id())));
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("audio/")))
			.andExpect(header().string("Content-Disposition", startsWith("inline")))
			.andExpect(header().string("Accept-Ranges", "bytes"));
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, trailer.id()).header("Range", "bytes=100-199"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 100-199/" + trailer.size()));
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", bundle, trailer.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment")));
	}

	@Test
	void anyFileTypeCanBeUnlockedAndDownloadsWithoutAnAccountButNeverPlaysInline() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Press kit"), "film".getBytes(), "5.00", "USD");
		FileView press = fixtures.addFile(creator, bundle, "press.txt", "Press kit text".getBytes());
		unlock(creator, bundle, press, true);

		mvc.perform(get("/bundles/{id}/unlocked/{fid}", bundle, press.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andExpect(content().string("Press kit text"));
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, press.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}", bundle))
			.andExpect(content().string(containsString("Free for everyone")))
			.andExpect(content().string(containsString("Buy the bundle to download these.")));

		unlock(creator, bundle, press, false);
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", bundle, press.id())).andExpect(status().isNotFound());
	}

	@Test
	void lockedFilesStayBehindTheGateFromEveryDoor() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Locked"), "film".getBytes(), "5.00", "USD");
		FileView film = fixtures.addFile(creator, bundle, "film-two.txt", "locked bytes".getBytes());
		AccountPrincipal stranger = fixtures.viewer();

		mvc.perform(get("/bundles/{id}/unlocked/{fid}", bundle, film.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/previews/{fid}", bundle, film.id())).andExpect(status().isNotFound());
		mvc.perform(get("/downloads/{fid}", film.id())).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/downloads/{fid}", film.id()).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}", bundle).with(user(stranger)))
			.andExpect(content().string(not(containsString("/downloads/" + film.id()))));
		mvc.perform(post("/studio/bundles/{id}/files/{fid}/unlocked", bundle, film.id())
			.with(user(fixtures.creator())).with(csrf()).param("unlocked", "true")).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", bundle, film.id())).andExpect(status().isNotFound());
	}

	@Test
	void unlockedFilesOfDraftOrHiddenBundlesAreNotFoundExceptForTheirCreator() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Draft"), "film".getBytes());
		FileView trailer = fixtures.addFile(creator, draft, "trailer.wav", Sounds.wav(1));
		unlock(creator, draft, trailer, true);

		mvc.perform(get("/bundles/{id}/unlocked/{fid}", draft, trailer.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/previews/{fid}", draft, trailer.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", draft, trailer.id()).with(user(creator)))
			.andExpect(status().isOk());

		fixtures.publish(creator, draft);
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", draft, trailer.id())).andExpect(status().isOk());
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.hide(admin, draft, "Checking a claim");
			return null;
		});
		mvc.perform(get("/bundles/{id}/unlocked/{fid}", draft, trailer.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/previews/{fid}", draft, trailer.id())).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}/previews/{fid}", draft, trailer.id()).with(user(creator)))
			.andExpect(status().isOk());
	}

	private void unlock(AccountPrincipal creator, BundleId bundle, FileView file, boolean unlocked) {
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, file.id(), unlocked);
			return null;
		});
	}
}
