package io.reelgate.browser;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An unlocked trailer plays in a real browser, anonymously, and seeks (which takes HTTP range requests). */
@IntegrationTest
class PreviewBrowserTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void anyoneCanPlayAndSeekTheTrailer() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Trailer film");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "5.00", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(4));
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			return null;
		});

		Page page = chromium.browser().newContext().newPage();
		page.navigate(chromium.url("/bundles/" + bundle));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Free for everyone")).isVisible())
			.isTrue();
		Locator player = page.getByLabel("Play trailer.wav");

		@SuppressWarnings("unchecked")
		List<Number> state = (List<Number>) player.evaluate("""
				async video => {
				  if (video.readyState < 1) {
				    await new Promise((ok, fail) => {
				      setTimeout(() => fail('no metadata within 30 s'), 30000);
				      video.addEventListener('loadedmetadata', ok, { once: true });
				      video.addEventListener('error', () => fail(video.error && video.error.message), { once: true });
				    });
				  }
				  const seeked = new Promise((ok, fail) => {
				    setTimeout(() => fail('not seeked within 30 s'), 30000);
				    video.addEventListener('seeked', ok, { once: true });
				  });
				  video.currentTime = 2.5;
				  await seeked;
				  return [video.duration, video.currentTime];
				}
				""");
		assertThat(state.get(0).doubleValue()).isBetween(3.9, 4.1);
		assertThat(state.get(1).doubleValue()).isBetween(2.4, 2.6);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "preview.png")));
	}
}
