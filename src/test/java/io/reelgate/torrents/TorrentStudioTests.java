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
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What creators and admins see and change of BitTorrent: the editor's switch (from the attacker's side too), and the
 * bytes peers carried against the web seed, from real announces and web-seed requests over HTTP.
 */
@IntegrationTest
class TorrentStudioTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PieceHashJob hashJob;

	@Autowired
	TorrentOffers offers;

	@Autowired
	TorrentFigures figures;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final com.dampcake.bencode.Bencode decoder = new com.dampcake.bencode.Bencode(StandardCharsets.UTF_8, true);

	private final byte[] film = new byte[150_000];

	private AccountPrincipal creator;

	private String title;

	private BundleId bundle;

	private BundleId aPublishedBundle() {
		new Random(13).nextBytes(film);
		creator = fixtures.creator();
		title = Fixtures.unique("Studio torrent");
		bundle = fixtures.published(creator, title, film, "2.00", "USD");
		return bundle;
	}

	private AccountPrincipal aBuyer() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		return buyer;
	}

	private void hashEverything() {
		for (int run = 0; run < 1000 && hashJob.hashBacklog() > 0; run++) {
			// Other test classes' files share the backlog; a run hashes a batch.
		}
	}

	private MockHttpServletResponse torrentOf(AccountPrincipal who) throws Exception {
		return mvc.perform(get("/library/bundles/{id}/torrent", bundle).with(user(who)).with(request -> {
			request.setServerName("127.0.0.1");
			request.setServerPort(port);
			return request;
		})).andReturn().getResponse();
	}

	private String editor(AccountPrincipal who) throws Exception {
		return mvc.perform(get("/studio/bundles/{id}", bundle).with(user(who))).andReturn().getResponse()
			.getContentAsString();
	}

	private int flip(AccountPrincipal who, boolean enabled) throws Exception {
		return mvc.perform(post("/studio/bundles/{id}/torrent", bundle).param("enabled", String.valueOf(enabled))
			.with(user(who)).with(csrf())).andReturn().getResponse().getStatus();
	}

	private static String text(Object value) {
		ByteBuffer buffer = ((ByteBuffer) value).duplicate();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** An announce over HTTP with the given counters, as a client sends it. */
	private Map<String, Object> announce(String tracker, String peerId, long uploaded, long downloaded, long left)
			throws Exception {
		String query = Announces.query(infoHash(), peerId, 6881, left)
			.replace("uploaded=0&downloaded=0", "uploaded=" + uploaded + "&downloaded=" + downloaded);
		Map<String, Object> answer = decoder.decode(fetch(tracker + "?" + query, null).body(), Type.DICTIONARY);
		assertThat(answer).doesNotContainKey("failure reason");
		return answer;
	}

	private HttpResponse<byte[]> fetch(String url, String range) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (range != null) {
			request.header("Range", range);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private byte[] infoHash() {
		return jdbc.sql("select info_hash from torrents where bundle_id = ?").param(bundle.value())
			.query(byte[].class).single();
	}

	@Test
	void theCreatorTurnsBitTorrentOffAndOnAndBuyersLoseAndRegainTheTorrent() throws Exception {
		aPublishedBundle();
		AccountPrincipal buyer = aBuyer();
		hashEverything();
		assertThat(editor(creator)).contains("BitTorrent is on for this bundle.", "Turn BitTorrent off");

		assertThat(flip(creator, false)).isEqualTo(302);

		assertThat(offers.offered(bundle)).isFalse();
		assertThat(editor(creator)).contains("BitTorrent is off for this bundle", "Turn BitTorrent on");
		assertThat(torrentOf(buyer).getStatus()).isEqualTo(404);
		assertThat(flip(creator, false)).as("repeating a switch").isEqualTo(302);

		assertThat(flip(creator, true)).isEqualTo(302);

		assertThat(offers.offered(bundle)).isTrue();
		AccountPrincipal later = aBuyer();
		MockHttpServletResponse torrent = torrentOf(later);
		assertThat(torrent.getStatus()).isEqualTo(200);
		assertThat(torrent.getContentType()).isEqualTo(TorrentFileController.CONTENT_TYPE);
	}

	@Test
	void nobodyButTheCreatorFlipsTheSwitchOrSeesTheSection() throws Exception {
		aPublishedBundle();
		AccountPrincipal otherCreator = fixtures.creator();
		AccountPrincipal buyer = aBuyer();

		assertThat(flip(otherCreator, false)).isEqualTo(404);
		assertThat(flip(buyer, false)).as("a buyer is no creator").isEqualTo(403);
		assertThat(mvc.perform(post("/studio/bundles/{id}/torrent", bundle).param("enabled", "false")
			.with(user(creator))).andReturn().getResponse().getStatus()).as("without a CSRF token").isEqualTo(403);
		assertThat(mvc.perform(post("/studio/bundles/{id}/torrent", bundle).param("enabled", "false")
			.with(csrf())).andReturn().getResponse().getStatus()).as("signed out").isIn(302, 401, 403);
		assertThat(mvc.perform(post("/studio/bundles/{id}/torrent", bundle).param("enabled", "maybe")
			.with(user(creator)).with(csrf())).andReturn().getResponse().getStatus())
			.as("a malformed value is refused like any mismatched argument").isEqualTo(404);
		assertThat(offers.offered(bundle)).isTrue();
		assertThat(mvc.perform(get("/studio/bundles/{id}", bundle).with(user(otherCreator))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void peersAgainstTheWebSeedComeFromAnnouncesAndWebSeedBytesForCreatorsAdminsAndMetrics() throws Exception {
		aPublishedBundle();
		AccountPrincipal first = aBuyer();
		AccountPrincipal second = aBuyer();
		hashEverything();
		double seedBefore = meters.counter("reelgate.torrents.web-seed.bytes").count();
		double downloadedBefore = meters.counter("reelgate.torrents.announced.bytes", "direction", "downloaded")
			.count();
		assertThat(editor(creator)).contains("Nothing delivered by BitTorrent yet.");
		Map<String, Object> firsts = decoder.decode(torrentOf(first).getContentAsByteArray(), Type.DICTIONARY);
		Map<String, Object> seconds = decoder.decode(torrentOf(second).getContentAsByteArray(), Type.DICTIONARY);
		String file = text(((List<?>) firsts.get("url-list")).get(0)) + SafeNames.of(title).replace(" ", "%20")
				+ "/film.mp4";
		String secondFile = text(((List<?>) seconds.get("url-list")).get(0)) + SafeNames.of(title).replace(" ", "%20")
				+ "/film.mp4";

		// The first buyer takes the whole file from the web seed and gives all of it to the second, who took only
		// its first third from the web seed: 300,000 bytes delivered, 200,000 of them by the web seed.
		announce(text(firsts.get("announce")), "-RG0001-studio-first", 0, 0, film.length);
		assertThat(fetch(file, null).body()).isEqualTo(film);
		announce(text(firsts.get("announce")), "-RG0001-studio-first", 150_000, 150_000, 0);
		announce(text(seconds.get("announce")), "-RG0001-studio-secnd", 0, 0, film.length);
		assertThat(fetch(secondFile, "bytes=0-49999").statusCode()).isEqualTo(206);
		announce(text(seconds.get("announce")), "-RG0001-studio-secnd", 0, 150_000, 0);

		assertThat(figures.of(bundle)).isEqualTo(new Transfer(300_000, 150_000, 200_000));
		assertThat(figures.of(bundle).peerPercent()).isEqualTo(33);
		assertThat(editor(creator)).contains("Peers carried 33 percent, the web seed 67 percent.", "(33 %)");
		String admin = mvc.perform(get("/admin/torrents").with(user(fixtures.admin()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(admin).contains(title);
		assertThat(mvc.perform(get("/admin/torrents").with(user(creator))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(meters.counter("reelgate.torrents.web-seed.bytes").count() - seedBefore).isEqualTo(200_000);
		assertThat(meters.counter("reelgate.torrents.announced.bytes", "direction", "downloaded").count()
				- downloadedBefore).isEqualTo(300_000);
		assertThat(mvc.perform(get("/actuator/prometheus").with(request -> {
			request.setRemoteAddr("127.0.0.1");
			return request;
		})).andReturn().getResponse().getContentAsString()).contains("reelgate_torrents_web_seed_bytes_total",
				"reelgate_torrents_announced_bytes_total{", "direction=\"downloaded\"");
	}
}
