package io.reelgate.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** On the wire: what a shared cache in front of the app may keep, and what it must not. */
@IntegrationTest
class PublicPageCachingTests {

	private static final String PASSWORD = "a-long-enough-password";

	private final HttpClient anonymous = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PublicCacheProperties lifetimes;

	@Autowired
	AnonymousPages kept;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogService catalogService;

	@Test
	void anonymousPublicPagesAreCacheableBySharedCachesAndSetNoCookie() throws Exception {
		AccountPrincipal creator = fixtures.creator(Fixtures.unique("Cached Studio"));
		String title = Fixtures.unique("Cacheable");
		BundleId bundle = fixtures.published(creator, title, new byte[] { 1, 2, 3 }, "7.50", "USD");

		for (String path : new String[] { "/", "/?q=" + title, "/creators/" + creator.accountId().value(),
				"/bundles/" + bundle.value(), "/?before=" + bundle.value() }) {
			HttpResponse<String> page = get(anonymous, path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
			assertThat(page.headers().firstValue("Cache-Control")).as(path)
				.hasValue(lifetimes.cacheControl().getHeaderValue());
			assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("public",
					"max-age=" + lifetimes.maxAge().toSeconds(), "s-maxage=" + lifetimes.sharedMaxAge().toSeconds(),
					"stale-while-revalidate=" + lifetimes.staleWhileRevalidate().toSeconds());
			// Tomcat's compression rewrites the header in lower case.
			assertThat(fields(page.headers().firstValue("Vary").orElseThrow())).as(path)
				.containsExactlyInAnyOrder(fields(PublicPageCaching.VARY));
			assertThat(page.headers().firstValue("ETag")).as(path).hasValueSatisfying(
					etag -> assertThat(etag).matches("W/\"[0-9a-f]{32}\""));
		}
		for (String path : new String[] { "/robots.txt", "/sitemap.xml" }) {
			HttpResponse<String> file = get(anonymous, path);
			assertThat(file.statusCode()).as(path).isEqualTo(200);
			assertThat(file.headers().allValues("Set-Cookie")).as(path).isEmpty();
			assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).as(path).contains("public");
		}
	}

	@Test
	void theETagOfAnUnchangedPageAnswers304AndAChangedPageGetsANewOne() throws Exception {
		AccountPrincipal creator = fixtures.creator(Fixtures.unique("Tagged Studio"));
		String path = "/creators/" + creator.accountId().value();
		fixtures.published(creator, Fixtures.unique("First"), new byte[] { 1 });
		HttpResponse<String> first = get(anonymous, path);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = anonymous.send(request(path).header("If-None-Match", etag).build(),
				BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();

		String second = Fixtures.unique("Second");
		fixtures.published(creator, second, new byte[] { 2 });
		HttpResponse<String> changed = anonymous.send(request(path).header("If-None-Match", etag).build(),
				BodyHandlers.ofString());
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains(second);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
	}

	@Test
	void aSignedInVisitorsStorefrontAndBundlePageArePrivateAndNeverStored() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Seen signed in"), new byte[] { 4 });
		HttpClient browser = signedIn(viewer);

		for (String path : new String[] { "/", "/bundles/" + bundle.value() }) {
			HttpResponse<String> page = get(browser, path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains(viewer.displayName());
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue(PublicPageCaching.PERSONAL);
			assertThat(page.headers().firstValue("ETag")).as(path).isEmpty();
		}
	}

	@Test
	void theLibraryTheStudioAndTheAccountPagesAreNeverStored() throws Exception {
		HttpClient creator = signedIn(fixtures.creator());
		for (String path : new String[] { "/library", "/studio", "/account" }) {
			HttpResponse<String> page = get(creator, path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).as(path)
				.contains("no-store").doesNotContain("public");
		}
	}

	@Test
	void aDraftIsNeitherShownNorCachedForAnonymousVisitorsAndItsCreatorsViewIsPrivate() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Unreleased"), new byte[] { 5 });
		String path = "/bundles/" + draft.value();

		HttpResponse<String> stranger = get(anonymous, path);
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(stranger.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("public");

		HttpResponse<String> own = get(signedIn(creator), path);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Cache-Control")).hasValue(PublicPageCaching.PERSONAL);
	}

	@Test
	void aVisitorWithASessionButNoAccountGetsAPrivatePage() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		// The login form's CSRF token makes a session: from then on the storefront may carry flash messages.
		assertThat(get(browser, "/login").headers().allValues("Set-Cookie")).isNotEmpty();

		HttpResponse<String> page = get(browser, "/");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue(PublicPageCaching.PERSONAL);
	}

	@Test
	void withTheAppCacheOnAnonymousVisitorsGetTheKeptPageUntilItExpiresWithItsHeaders() throws Exception {
		AccountPrincipal creator = fixtures.creator(Fixtures.unique("Kept Studio"));
		String path = "/creators/" + creator.accountId().value();
		String first = Fixtures.unique("Kept first");
		fixtures.published(creator, first, new byte[] { 1 });
		Duration lifetime = kept.lifetime();
		kept.lifetime(Duration.ofMinutes(5));
		try {
			HttpResponse<String> rendered = get(anonymous, path);
			String later = Fixtures.unique("Kept later");
			fixtures.published(creator, later, new byte[] { 2 });

			HttpResponse<String> fromMemory = get(anonymous, path);
			assertThat(fromMemory.statusCode()).isEqualTo(200);
			assertThat(fromMemory.body()).isEqualTo(rendered.body()).contains(first).doesNotContain(later);
			for (String header : new String[] { "Content-Type", "Content-Language", "Cache-Control", "ETag",
					"Content-Security-Policy", "X-Content-Type-Options" }) {
				assertThat(fromMemory.headers().firstValue(header)).as(header).isPresent()
					.isEqualTo(rendered.headers().firstValue(header));
			}
			assertThat(fields(fromMemory.headers().firstValue("Vary").orElseThrow()))
				.containsExactlyInAnyOrder(fields(PublicPageCaching.VARY));
			assertThat(fromMemory.headers().firstValue("X-Request-Id")).isPresent()
				.isNotEqualTo(rendered.headers().firstValue("X-Request-Id"));
			HttpResponse<String> revalidated = anonymous.send(request(path)
				.header("If-None-Match", rendered.headers().firstValue("ETag").orElseThrow()).build(),
					BodyHandlers.ofString());
			assertThat(revalidated.statusCode()).isEqualTo(304);

			assertThat(get(signedIn(fixtures.viewer()), path).body()).as("signed in: never kept").contains(later);
			assertThat(anonymous.send(request(path).header("Accept-Language", "fr").build(), BodyHandlers.ofString())
				.body()).as("another language is another page").contains(later);

			kept.lifetime(Duration.ofMillis(300));
			assertThat(get(anonymous, path).body()).contains(later);
			String third = Fixtures.unique("Kept third");
			fixtures.published(creator, third, new byte[] { 3 });
			Thread.sleep(400);
			assertThat(get(anonymous, path).body()).as("the first visitor after it expired renders it").contains(third);
		}
		finally {
			kept.lifetime(lifetime);
		}
	}

	@Test
	void withTheAppCacheOnEachVisitorOfAKeptBundlePageIsStillCounted() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Counted"), new byte[] { 3 }, "7.50", "USD");
		Duration lifetime = kept.lifetime();
		kept.lifetime(Duration.ofMinutes(5));
		try {
			List<String> tags = new ArrayList<>();
			for (String browser : new String[] { "Firefox/133.0", "Safari/605.1.15", "Safari/605.1.15" }) {
				HttpResponse<String> page = anonymous.send(request("/bundles/" + bundle.value())
					.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) " + browser).build(), BodyHandlers.ofString());
				assertThat(page.statusCode()).isEqualTo(200);
				tags.add(page.headers().firstValue("ETag").orElseThrow());
			}
			fixtures.as(creator, () -> {
				catalogService.charge(creator.accountId(), bundle, "9.25", "USD");
				return null;
			});
			assertThat(anonymous.send(request("/bundles/" + bundle.value())
				.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0").build(), BodyHandlers.ofString())
				.body()).as("kept").doesNotContain("9.25");

			assertThat(jdbc.sql("select count(*) from analytics_events where bundle_id = ? and kind = 'VIEW'")
				.param(bundle.value()).query(Long.class).single()).as("two visitors, two views").isEqualTo(2);
			assertThat(tags).as("one kept page").containsOnly(tags.get(0));
		}
		finally {
			kept.lifetime(lifetime);
		}
	}

	private HttpClient signedIn(AccountPrincipal who) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = get(browser, "/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + encode(who.email()) + "&password=" + encode(PASSWORD) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> loggedIn = browser.send(request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(request(path).build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private static String[] fields(String vary) {
		return java.util.Arrays.stream(vary.split(",")).map(f -> f.strip().toLowerCase(java.util.Locale.ROOT))
			.toArray(String[]::new);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
