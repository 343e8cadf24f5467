package io.reelgate.storefront;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@IntegrationTest
class SizedCoversTests {

	private static final Pattern SIZED = Pattern.compile("/bundles/[0-9a-f-]{36}/covers/([0-9a-f]{16})/(\\d+)\\.jpg");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BundleMedia media;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGridOffersTheCoverInThreeWidthsEachAJpegOfThatWidthCachedForAYearAndMadeOnce() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Wide cover"), new byte[] { 1 });
		cover(creator, bundle, png(1600, 900));

		Map<Integer, String> offered = offered("/creators/" + creator.accountId().value());
		assertThat(offered).containsOnlyKeys(320, 480, 800);

		for (Map.Entry<Integer, String> size : offered.entrySet()) {
			MockHttpServletResponse response = mvc.perform(get(size.getValue())).andReturn().getResponse();
			assertThat(response.getStatus()).as(size.getValue()).isEqualTo(200);
			assertThat(response.getContentType()).isEqualTo("image/jpeg");
			assertThat(response.getHeader("Cache-Control")).isEqualTo(BundlePageController.SIZED_COVER_CACHE);
			assertThat(response.getCookies()).isEmpty();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
			assertThat(image.getWidth()).isEqualTo(size.getKey());
			assertThat(image.getHeight()).isEqualTo(Math.round(900f * size.getKey() / 1600));
		}
		byte[] first = mvc.perform(get(offered.get(320))).andReturn().getResponse().getContentAsByteArray();
		byte[] again = mvc.perform(get(offered.get(320))).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(first);
		String version = version(offered.get(320));
		assertThat(jdbc.sql("select count(*) from cover_renditions where left(source_sha256, 16) = :v")
			.param("v", version).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aReplacedCoversOldUrlsLeadToTheNewCoverWhichIsNeverEnlarged() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("New cover"), new byte[] { 2 });
		cover(creator, bundle, png(1000, 1500));
		String old = offered("/bundles/" + bundle.value()).get(480);

		cover(creator, bundle, png(400, 400));
		Map<Integer, String> current = offered("/bundles/" + bundle.value());
		assertThat(version(current.get(480))).isNotEqualTo(version(old));

		MockHttpServletResponse moved = mvc.perform(get(old)).andReturn().getResponse();
		assertThat(moved.getStatus()).isEqualTo(302);
		assertThat(moved.getRedirectedUrl()).isEqualTo(current.get(480));
		assertThat(moved.getHeader("Cache-Control")).doesNotContain("immutable");

		BufferedImage small = ImageIO.read(new ByteArrayInputStream(
				mvc.perform(get(current.get(800))).andReturn().getResponse().getContentAsByteArray()));
		assertThat(small.getWidth()).isEqualTo(400);
		assertThat(small.getHeight()).isEqualTo(400);
	}

	@Test
	void aDraftsCoverAndWidthsNotOfferedAreNotFound() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Draft cover"), new byte[] { 3 });
		cover(creator, draft, png(600, 400));
		BundleId published = fixtures.published(creator, Fixtures.unique("Public cover"), new byte[] { 4 });
		cover(creator, published, png(600, 400));
		String offered = offered("/bundles/" + published.value()).get(320);

		String draftUrl = offered.replace(published.value().toString(), draft.value().toString());
		assertThat(mvc.perform(get(draftUrl)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(offered.replace("/320.jpg", "/123.jpg"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void aCardWithoutACoverOffersNoSizes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.published(creator, Fixtures.unique("No cover"), new byte[] { 6 });
		String html = mvc.perform(get("/creators/" + creator.accountId().value())).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("title-card").doesNotContain("srcset=", "/covers/");
	}

	@Test
	void aCoverTheJdkCannotResizeIsServedAsUploaded() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("WebP cover"), new byte[] { 5 });
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 not really a picture".getBytes(StandardCharsets.ISO_8859_1);
		cover(creator, bundle, webp);

		MockHttpServletResponse response = mvc.perform(get(offered("/bundles/" + bundle.value()).get(480)))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/webp");
		assertThat(response.getContentAsByteArray()).isEqualTo(webp);
		assertThat(response.getHeader("Cache-Control")).doesNotContain("immutable");
	}

	private Map<Integer, String> offered(String page) throws Exception {
		String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
		Matcher srcset = Pattern.compile("srcset=\"([^\"]+)\"").matcher(html);
		assertThat(srcset.find()).as("a srcset on " + page).isTrue();
		Map<Integer, String> sizes = new LinkedHashMap<>();
		Matcher url = SIZED.matcher(srcset.group(1));
		while (url.find()) {
			sizes.put(Integer.parseInt(url.group(2)), url.group());
		}
		return sizes;
	}

	private static String version(String url) {
		Matcher matcher = SIZED.matcher(url);
		assertThat(matcher.matches()).isTrue();
		return matcher.group(1);
	}

	private void cover(AccountPrincipal creator, BundleId bundle, byte[] image) {
		fixtures.as(creator, () -> {
			media.changeCover(creator.accountId(), bundle, new ByteArrayInputStream(image));
			return null;
		});
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, new Color(width % 256, 40, 90)));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}
}
