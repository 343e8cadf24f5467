package io.reelgate.storefront;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A creator's page as they write it in the studio: bio, links and banner, shown safely to anyone. */
@IntegrationTest
class CreatorProfileTests {

	private static final Pattern BANNER = Pattern.compile("src=\"(/creators/[0-9a-f-]{36}/banner/[0-9a-f]{16}/800\\.jpg)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aCreatorsBioAndLinksShowOnTheirPageAsTextWithUntrustedLinks() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf())
			.param("bio", "We make <script>alert(1)</script> films.\r\n\r\nSecond paragraph & more.")
			.param("link", "https://lumen.example/films", "", "HTTP://www.Example.org/"))
			.andExpect(redirectedUrl("/studio/profile")).andExpect(flash().attribute("success", "profile.saved"));

		String page = page("/creators/" + creator.accountId());
		assertThat(page).contains("<p>We make &lt;script&gt;alert(1)&lt;/script&gt; films.</p>",
				"<p>Second paragraph &amp; more.</p>",
				"<a href=\"https://lumen.example/films\" rel=\"nofollow ugc noopener\">lumen.example/films</a>",
				"<a href=\"HTTP://www.Example.org/\" rel=\"nofollow ugc noopener\">Example.org</a>",
				"<meta property=\"og:description\" content=\"We make &lt;script&gt;alert(1)&lt;/script&gt; films.\">",
				"<meta property=\"og:url\" content=\"http://localhost:8080/creators/" + creator.accountId() + "\">")
			.doesNotContain("<script>alert");
		assertThat(page("/studio/profile", creator)).contains("value=\"https://lumen.example/films\"");
	}

	@Test
	void linksThatAreNoWebAddressesAndOversizedBiosAreRefusedWithAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		for (String link : new String[] { "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>",
				"//evil.example", "example.com", "https://user:pw@evil.example/", "https://exa mple.com",
				"https://" + "x".repeat(600) + ".example", "ftp://files.example" }) {
			mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("link", link))
				.andExpect(redirectedUrl("/studio/profile"))
				.andExpect(flash().attribute("error", "profile.link.invalid"));
		}
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf())
			.param("link", "https://a.example", "https://b.example", "https://c.example", "https://d.example",
					"https://e.example", "https://f.example"))
			.andExpect(flash().attribute("error", "profile.links.tooMany"));
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("bio", "é".repeat(4_001)))
			.andExpect(flash().attribute("error", "profile.bio.tooLong"));
		// A NUL is refused before it could reach PostgreSQL (which stores none): by the firewall or the profile.
		assertThat(mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("bio", "a\u0000b"))
			.andReturn().getResponse().getStatus()).isBetween(300, 499);
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("bio", "bell \u0007"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("bio", "\uD800 lone"))
			.andExpect(status().is3xxRedirection());
		assertThat(page("/creators/" + creator.accountId())).doesNotContain("javascript:", "f.example");
	}

	@Test
	void aBannerIsServedInSizesAtImmutableUrlsAndCanBeRemoved() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(multipart("/studio/profile/banner").file(new MockMultipartFile("banner", "banner.png", "image/png",
				png(1800, 600))).with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/profile")).andExpect(flash().attribute("success", "profile.banner.saved"));

		String page = page("/creators/" + creator.accountId());
		Matcher banner = BANNER.matcher(page);
		assertThat(banner.find()).isTrue();
		assertThat(page).contains("<meta property=\"og:image\" content=\"http://localhost:8080" + banner.group(1) + "\">");
		MockHttpServletResponse sized = mvc.perform(get(banner.group(1))).andExpect(status().isOk()).andReturn()
			.getResponse();
		assertThat(sized.getContentType()).isEqualTo("image/jpeg");
		assertThat(sized.getHeader("Cache-Control")).contains("immutable");
		assertThat(ImageIO.read(new ByteArrayInputStream(sized.getContentAsByteArray())).getWidth()).isEqualTo(800);
		mvc.perform(get("/creators/{id}/banner/{v}/480.jpg", creator.accountId(), "0000000000000000"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(banner.group(1).replace("800.jpg", "801.jpg"))).andExpect(status().isNotFound());

		mvc.perform(multipart("/studio/profile/banner").file(new MockMultipartFile("banner", "x.svg", "image/svg+xml",
				"<svg onload=alert(1)>".getBytes())).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "cover.notAnImage"));

		mvc.perform(post("/studio/profile/banner/delete").with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "profile.banner.removed"));
		assertThat(page("/creators/" + creator.accountId())).doesNotContain("/banner/");
		mvc.perform(get(banner.group(1))).andExpect(status().isNotFound());
	}

	@Test
	void eachCreatorEditsOnlyTheirOwnPage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal other = fixtures.creator();
		mvc.perform(post("/studio/profile").with(user(creator)).with(csrf()).param("bio", "Mine."));
		mvc.perform(post("/studio/profile").with(user(other)).with(csrf()).param("bio", "Theirs."));

		assertThat(page("/creators/" + creator.accountId())).contains("<p>Mine.</p>").doesNotContain("Theirs.");
		mvc.perform(post("/studio/profile").with(user(fixtures.viewer())).with(csrf()).param("bio", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/studio/profile").with(csrf()).param("bio", "x")).andExpect(status().is3xxRedirection());
		// A viewer has no creator page, and so no banner.
		mvc.perform(get("/creators/{id}/banner/{v}/480.jpg", fixtures.viewer().accountId(), "0000000000000000"))
			.andExpect(status().isNotFound());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String page(String url, AccountPrincipal who) throws Exception {
		return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(120, 40, 60));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}
}
