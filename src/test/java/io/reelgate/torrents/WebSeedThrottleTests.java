package io.reelgate.torrents;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.dampcake.bencode.Type;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The web seed's rate limit over real HTTP: full speed for a buyer alone in the swarm, the configured rate per
 * response once another buyer announces, seeding or still downloading, decided from the tracker's peers in
 * PostgreSQL.
 */
@IntegrationTest
class WebSeedThrottleTests {

	private static final DataSize RATE = DataSize.ofKilobytes(64);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PieceHashJob hashJob;

	@Autowired
	WebSeedThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final com.dampcake.bencode.Bencode decoder = new com.dampcake.bencode.Bencode(StandardCharsets.UTF_8, true);

	/** Four seconds' worth at the test's rate. */
	private final byte[] film = new byte[(int) RATE.toBytes() * 4];

	private DataSize configured;

	private BundleId bundle;

	private String title;

	@BeforeEach
	void aSlowRateAndAPublishedBundle() {
		configured = throttle.rate();
		throttle.rate(RATE);
		new Random(17).nextBytes(film);
		AccountPrincipal creator = fixtures.creator();
		title = Fixtures.unique("Throttled");
		bundle = fixtures.published(creator, title, film, "2.00", "USD");
	}

	@AfterEach
	void restoreTheRate() {
		throttle.rate(configured);
	}

	private Map<String, Object> torrentOfANewBuyer() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		for (int run = 0; run < 1000 && hashJob.hashBacklog() > 0; run++) {
			// Other test classes' files share the backlog; a run hashes a batch.
		}
		byte[] torrent = mvc.perform(get("/library/bundles/{id}/torrent", bundle).with(user(buyer)).with(request -> {
			request.setServerName("127.0.0.1");
			request.setServerPort(port);
			return request;
		})).andReturn().getResponse().getContentAsByteArray();
		return decoder.decode(torrent, Type.DICTIONARY);
	}

	private static String text(Object value) {
		ByteBuffer buffer = ((ByteBuffer) value).duplicate();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private HttpResponse<byte[]> fetch(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private String fileOf(Map<String, Object> torrent) {
		return text(((List<?>) torrent.get("url-list")).get(0)) + SafeNames.of(title).replace(" ", "%20") + "/film.mp4";
	}

	private void announceAsSeeder(Map<String, Object> torrent, String peerId) throws Exception {
		announce(torrent, peerId, 0);
	}

	private void announce(Map<String, Object> torrent, String peerId, long left) throws Exception {
		byte[] infoHash = jdbc.sql("select info_hash from torrents where bundle_id = ?").param(bundle.value())
			.query(byte[].class).single();
		Map<String, Object> answer = decoder.decode(fetch(text(torrent.get("announce")) + "?"
				+ Announces.query(infoHash, peerId, 6881, left)).body(), Type.DICTIONARY);
		assertThat(answer).doesNotContainKey("failure reason");
	}

	/** Milliseconds to fetch the whole file, which must arrive intact. */
	private long millisToFetch(String url) throws Exception {
		long start = System.nanoTime();
		HttpResponse<byte[]> response = fetch(url);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(film);
		return millis;
	}

	@Test
	void withoutSeedersTheWebSeedSendsAtFullSpeedAndWithOneAtTheRate() throws Exception {
		Map<String, Object> alone = torrentOfANewBuyer();
		assertThat(millisToFetch(fileOf(alone))).as("nobody seeds: full speed").isLessThan(2_000);

		announceAsSeeder(torrentOfANewBuyer(), "-RG0001-throttle-sd1");
		Map<String, Object> later = torrentOfANewBuyer();

		assertThat(millisToFetch(fileOf(later))).as("four seconds' worth at the rate").isGreaterThanOrEqualTo(3_500);
	}

	@Test
	void anotherBuyerStillDownloadingAlsoSlowsTheWebSeed() throws Exception {
		announce(torrentOfANewBuyer(), "-RG0001-throttle-lc1", film.length);
		Map<String, Object> later = torrentOfANewBuyer();

		assertThat(millisToFetch(fileOf(later))).as("four seconds' worth at the rate").isGreaterThanOrEqualTo(3_500);
	}

	@Test
	void aBuyersOwnSeedingPeerDoesNotSlowTheirWebSeed() throws Exception {
		Map<String, Object> torrent = torrentOfANewBuyer();
		announceAsSeeder(torrent, "-RG0001-throttle-own");
		assertThat(millisToFetch(fileOf(torrent))).isLessThan(2_000);
	}

	@Test
	void aRateOfZeroNeverThrottles() throws Exception {
		throttle.rate(DataSize.ofBytes(0));
		announceAsSeeder(torrentOfANewBuyer(), "-RG0001-throttle-sd2");
		assertThat(millisToFetch(fileOf(torrentOfANewBuyer()))).isLessThan(2_000);
	}
}
