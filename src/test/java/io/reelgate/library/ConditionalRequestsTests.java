package io.reelgate.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RFC 9110 §13 on the wire: raw requests over the real port to a signed link, a cover and a preview, and through
 * the session to a download and a stream, all of which {@code BlobDownload} answers.
 */
@IntegrationTest
class ConditionalRequestsTests {

	private static final byte[] CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DownloadLinks links;

	@LocalServerPort
	int port;

	private AccountPrincipal buyer;

	private BundleId bundle;

	private FileView file;

	private FileView trailer;

	private String signed;

	@BeforeEach
	void aBuyerWithASignedLinkAndABundleWithACoverAndATrailer() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		buyer = fixtures.viewer();
		bundle = fixtures.draft(creator, Fixtures.unique("Conditional"), "poster".getBytes());
		file = fixtures.addFile(creator, bundle, "notes.txt", CONTENT);
		trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(1));
		mvc.perform(multipart("/studio/bundles/{id}/cover", bundle)
			.file(new MockMultipartFile("cover", "cover.png", "image/png", PNG)).with(user(creator)).with(csrf()));
		mvc.perform(post("/studio/bundles/{id}/files/{fid}/unlocked", bundle, trailer.id()).with(user(creator))
			.with(csrf()).param("unlocked", "true"));
		fixtures.publish(creator, bundle);
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()));
		signed = links.pathFor(file.id(), buyer.accountId(), file.name());
	}

	@Test
	void ifNoneMatchWithTheCurrentEtagIs304WithItsValidatorsAndNoBody() throws IOException {
		Raw first = raw(signed);
		assertThat(first.status()).isEqualTo(200);
		String etag = first.header("ETag");

		Raw again = raw(signed, "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.header("ETag")).isEqualTo(etag);
		assertThat(again.header("Last-Modified")).isEqualTo(first.header("Last-Modified"));
		assertThat(again.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
		assertThat(again.body()).isEmpty();
	}

	@Test
	void ifNoneMatchComparesWeaklyAndAcceptsListsAndAStar() throws IOException {
		String etag = raw(signed).header("ETag");
		assertThat(raw(signed, "If-None-Match", "W/" + etag).status()).isEqualTo(304);
		assertThat(raw(signed, "If-None-Match", "\"other\", " + etag).status()).isEqualTo(304);
		assertThat(raw(signed, "If-None-Match", "*").status()).isEqualTo(304);
		Raw other = raw(signed, "If-None-Match", "\"other\"");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.body()).isEqualTo(CONTENT);
	}

	@Test
	void ifModifiedSinceIs304UnlessTheFileChangedAfterIt() throws IOException {
		Instant modified = lastModified(raw(signed));
		assertThat(raw(signed, "If-Modified-Since", httpDate(modified)).status()).isEqualTo(304);
		assertThat(raw(signed, "If-Modified-Since", httpDate(modified.plusSeconds(60))).status()).isEqualTo(304);
		assertThat(raw(signed, "If-Modified-Since", httpDate(modified.minusSeconds(1))).status()).isEqualTo(200);
		assertThat(raw(signed, "If-Modified-Since", "yesterday").status()).isEqualTo(200);
	}

	@Test
	void ifNoneMatchTakesPrecedenceOverIfModifiedSince() throws IOException {
		Instant modified = lastModified(raw(signed));
		Raw response = raw(signed, "If-None-Match", "\"other\"", "If-Modified-Since", httpDate(modified.plusSeconds(60)));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(CONTENT);
	}

	@Test
	void aFailingIfMatchIs412EvenWithARange() throws IOException {
		String etag = raw(signed).header("ETag");
		assertThat(raw(signed, "If-Match", "\"other\"").status()).isEqualTo(412);
		assertThat(raw(signed, "If-Match", "\"other\"", "Range", "bytes=0-9").status()).isEqualTo(412);
		// If-Match compares strongly: a weak tag with the same value does not match.
		assertThat(raw(signed, "If-Match", "W/" + etag).status()).isEqualTo(412);
		Raw failed = raw(signed, "If-Match", "\"other\"");
		assertThat(failed.body()).isEmpty();

		Raw matching = raw(signed, "If-Match", "\"other\", " + etag, "Range", "bytes=0-9");
		assertThat(matching.status()).isEqualTo(206);
		assertThat(new String(matching.body(), StandardCharsets.US_ASCII)).isEqualTo("0123456789");
		assertThat(raw(signed, "If-Match", "*").status()).isEqualTo(200);
	}

	@Test
	void aFailingIfUnmodifiedSinceIs412AndIsIgnoredUnderAnIfMatch() throws IOException {
		Raw first = raw(signed);
		Instant modified = lastModified(first);
		String before = httpDate(modified.minusSeconds(1));
		assertThat(raw(signed, "If-Unmodified-Since", before).status()).isEqualTo(412);
		assertThat(raw(signed, "If-Unmodified-Since", before, "Range", "bytes=0-9").status()).isEqualTo(412);
		assertThat(raw(signed, "If-Unmodified-Since", httpDate(modified), "Range", "bytes=0-9").status())
			.isEqualTo(206);
		// §13.2.2: with If-Match present, If-Unmodified-Since is not evaluated.
		assertThat(raw(signed, "If-Match", first.header("ETag"), "If-Unmodified-Since", before).status())
			.isEqualTo(200);
	}

	@Test
	void ifRangeStillDecidesBetweenThePartAndTheWholeFile() throws IOException {
		Raw first = raw(signed);
		assertThat(raw(signed, "Range", "bytes=10-19", "If-Range", first.header("ETag")).status()).isEqualTo(206);
		assertThat(raw(signed, "Range", "bytes=10-19", "If-Range", first.header("Last-Modified")).status())
			.isEqualTo(206);
		Raw stale = raw(signed, "Range", "bytes=10-19", "If-Range", "\"stale\"");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).isEqualTo(CONTENT);
	}

	@Test
	void theObsoleteHttpDateFormsAreUnderstood() throws IOException {
		Instant later = lastModified(raw(signed)).plusSeconds(3600);
		String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
			.format(later.atOffset(ZoneOffset.UTC));
		String asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
			.format(later.atOffset(ZoneOffset.UTC));
		assertThat(raw(signed, "If-Modified-Since", rfc850).status()).isEqualTo(304);
		assertThat(raw(signed, "If-Modified-Since", asctime).status()).isEqualTo(304);
	}

	@Test
	void coversAndPreviewsAnswerConditionalRequestsToo() throws IOException {
		for (String path : new String[] { "/bundles/" + bundle + "/cover",
				"/bundles/" + bundle + "/previews/" + trailer.id() }) {
			Raw first = raw(path);
			assertThat(first.status()).as(path).isEqualTo(200);
			assertThat(raw(path, "If-None-Match", first.header("ETag")).status()).as(path).isEqualTo(304);
			assertThat(raw(path, "If-Modified-Since", first.header("Last-Modified")).status()).as(path).isEqualTo(304);
			assertThat(raw(path, "If-Match", "\"other\"", "Range", "bytes=0-1").status()).as(path).isEqualTo(412);
		}
	}

	@Test
	void downloadsAndStreamsThroughTheSessionAnswerConditionalRequestsToo() throws Exception {
		String etag = raw(signed).header("ETag");
		mvc.perform(get("/downloads/{id}", file.id()).with(user(buyer)).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		mvc.perform(get("/downloads/{id}", file.id()).with(user(buyer)).header("If-Match", "\"other\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(get("/stream/{id}", trailer.id()).with(user(buyer)).header("If-Match", "\"other\""))
			.andExpect(status().isPreconditionFailed());
	}

	private static Instant lastModified(Raw response) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.parse(response.header("Last-Modified"), Instant::from);
	}

	private static String httpDate(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	/** One GET written by hand, so no client library adds, drops or interprets a header. */
	private Raw raw(String path, String... headers) throws IOException {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Raw.parse(socket.getInputStream().readAllBytes());
		}
	}

	private record Raw(int status, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Raw parse(byte[] bytes) throws IOException {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(bytes, end + 4, bytes.length - end - 4);
			assertThat(headers.get("transfer-encoding")).as("bodies have a known length").isNull();
			return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toByteArray());
		}
	}
}
