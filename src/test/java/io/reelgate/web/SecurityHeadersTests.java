package io.reelgate.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
class SecurityHeadersTests {

	/** Inline code the Content-Security-Policy would block: style attributes and elements, inline scripts, handlers. */
	private static final Pattern INLINE = Pattern.compile(
			"\\sstyle\\s*=|th:style|<style|<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)|\\son[a-z]+\\s*=|javascript:",
			Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyPageCarriesAStrictContentSecurityPolicyAndTheOtherProtectiveHeaders() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY))
			.andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"));

		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "style-src 'self'",
				"object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
	}

	@Test
	void strictTransportSecurityIsSentOnlyOverHttps() throws Exception {
		mvc.perform(get("/")).andExpect(header().doesNotExist("Strict-Transport-Security"));
		mvc.perform(get("/").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000"));
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureWhenTheRequestCameOverTls() throws Exception {
		String plain = sessionCookie(mvc.perform(get("/login")).andReturn().getResponse());
		assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

		String secure = sessionCookie(mvc.perform(get("/login").secure(true)).andReturn().getResponse());
		assertThat(secure).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	@Test
	void loggingInIssuesANewSessionIdSoAPlantedSessionIsWorthless() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String planted = value(sessionCookie(mvc.perform(get("/login")).andReturn().getResponse()));

		MockHttpServletResponse login = mvc.perform(post("/login").cookie(new Cookie("SESSION", planted)).with(csrf())
			.param("username", viewer.email()).param("password", "a-long-enough-password"))
			.andExpect(redirectedUrl("/"))
			.andReturn().getResponse();
		String issued = value(sessionCookie(login));

		assertThat(issued).isNotEqualTo(planted);
		mvc.perform(get("/library").cookie(new Cookie("SESSION", issued)))
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION));
		mvc.perform(get("/library").cookie(new Cookie("SESSION", planted)))
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void templatesHaveNoInlineScriptsStylesOrEventHandlers() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			List<String> offending = files.filter(f -> f.toString().endsWith(".html"))
				.flatMap(SecurityHeadersTests::inlineCode)
				.toList();
			assertThat(offending).isEmpty();
		}
	}

	private static Stream<String> inlineCode(Path template) {
		try {
			List<String> lines = Files.readAllLines(template);
			return java.util.stream.IntStream.range(0, lines.size())
				.filter(i -> INLINE.matcher(lines.get(i)).find())
				.mapToObj(i -> template + ":" + (i + 1) + ": " + lines.get(i).strip());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sessionCookie(MockHttpServletResponse response) {
		return response.getHeaders(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.getHeaders(HttpHeaders.SET_COOKIE)));
	}

	private static String value(String setCookie) {
		return setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
	}
}
