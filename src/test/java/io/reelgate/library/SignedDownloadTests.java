package io.reelgate.library;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class SignedDownloadTests {

	private static final byte[] FILM = new byte[3 * 1024 * 1024 + 17];

	static {
		new Random(42).nextBytes(FILM);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DownloadLinks links;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private AccountPrincipal buyer;

	private FileView file;

	private String orderId;

	@BeforeEach
	void aBuyerPaidForAFilm() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		buyer = fixtures.viewer();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Signed"), "poster".getBytes(), "6.00", "USD");
		file = fixtures.addFile(creator, bundle, "Amélie (director's cut).mp4", FILM);
		fixtures.publish(creator, bundle);
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		orderId = payPage.substring(payPage.lastIndexOf('/') + 1);
	}

	@Test
	void theLibraryHandsOutSignedLinksThatWorkWithoutASessionCookie() throws Exception {
		String page = mvc.perform(get("/library").with(user(buyer))).andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("href=\"(/dl/" + file.id() + "/" + buyer.accountId() + "/[^\"]+)\"")
			.matcher(page);
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).endsWith("/Am_lie__director_s_cut_.mp4");
		assertThat(page).contains("Download links work for 6 hours");

		HttpResponse<byte[]> response = http.send(request(link.group(1)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(FILM);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION)).hasValue(
				"attachment; filename=\"Am_lie (director's cut).mp4\"; filename*=UTF-8''Am%C3%A9lie%20%28director%27s%20cut%29.mp4");
		assertThat(response.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValue("private, no-transform");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue(HttpHeaders.SET_COOKIE)).isEmpty();
	}

	@Test
	void aDownloadCutOffHalfWayResumesWithARangeToIdenticalBytes() throws Exception {
		String link = links.pathFor(file.id(), buyer.accountId(), file.name());
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		HttpResponse<InputStream> first = http.send(request(link).build(), HttpResponse.BodyHandlers.ofInputStream());
		String etag = first.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
		try (InputStream in = first.body()) {
			received.write(in.readNBytes(1_234_567));
		}

		// What curl -C - sends: the bytes from where the partial file ends; plus If-Range, as wget and aria2c do.
		HttpResponse<byte[]> rest = http.send(request(link).header(HttpHeaders.RANGE, "bytes=" + received.size() + "-")
			.header(HttpHeaders.IF_RANGE, etag)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(rest.statusCode()).isEqualTo(206);
		assertThat(rest.headers().firstValue(HttpHeaders.CONTENT_RANGE))
			.hasValue("bytes 1234567-" + (FILM.length - 1) + "/" + FILM.length);
		received.write(rest.body());
		assertThat(received.toByteArray()).isEqualTo(FILM);
	}

	@Test
	void rejectsDownloadWithAForgedLinkWith403AndAPageSayingSo() throws Exception {
		String[] p = links.pathFor(file.id(), buyer.accountId(), file.name()).split("/");
		AccountId stranger = fixtures.viewer().accountId();
		String later = Long.toString(Long.parseLong(p[4]) + 86_400);
		String truncated = p[5].substring(0, 20);

		for (String forged : new String[] { path(UUID.randomUUID().toString(), p[3], p[4], p[5]),
				path(p[2], stranger.toString(), p[4], p[5]), path(p[2], p[3], later, p[5]),
				path(p[2], p[3], p[4], truncated), path(p[2], p[3], p[4], "x".repeat(43)) }) {
			MockHttpServletResponse response = mvc.perform(get(forged)).andReturn().getResponse();
			assertThat(response.getStatus()).as(forged).isEqualTo(403);
			assertThat(response.getContentAsString()).contains("This download link is not valid");
			assertThat(response.getContentType()).startsWith("text/html");
			assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
		}
	}

	@Test
	void rejectsDownloadWithAnExpiredLinkWith410() throws Exception {
		String expired = links.pathFor(file.id(), buyer.accountId(), file.name(), clock.instant().minusSeconds(1));
		MockHttpServletResponse response = mvc.perform(get(expired)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(410);
		assertThat(response.getContentAsString()).contains("This download link has expired", "Open my library");
	}

	@Test
	void aRefundEndsLinksAlreadyHandedOut() throws Exception {
		String link = links.pathFor(file.id(), buyer.accountId(), file.name());
		assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);

		mvc.perform(post("/admin/payments/{id}/refund", orderId).param("confirmed", "true").with(user(fixtures.admin())).with(csrf())
			.param("reason", "Refund for the signed link test"));

		MockHttpServletResponse response = mvc.perform(get(link)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("This download is no longer available");
	}

	private static String path(String file, String account, String expiry, String signature) {
		return "/dl/" + file + "/" + account + "/" + expiry + "/" + signature + "/film.mp4";
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}
}
