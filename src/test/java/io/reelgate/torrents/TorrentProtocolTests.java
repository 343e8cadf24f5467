package io.reelgate.torrents;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.dampcake.bencode.Type;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

/** The tracker (BEP 3, 23) and the web seed (BEP 19) on the wire, from the attacker's side too. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TorrentProtocolTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PieceHashJob hashJob;

	@Autowired
	TorrentKeys keys;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final com.dampcake.bencode.Bencode decoder = new com.dampcake.bencode.Bencode(StandardCharsets.UTF_8, true);

	private BundleId bundle;

	private AccountPrincipal buyer;

	private AccountPrincipal other;

	private AccountPrincipal stranger;

	private byte[] infoHash;

	private String announce;

	private String webSeed;

	private String name;

	private final byte[] film = new byte[100_000];

	@BeforeAll
	void twoBuyersHaveTheBundlesTorrent() throws Exception {
		new Random(7).nextBytes(film);
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Protocol");
		bundle = fixtures.draft(creator, title, film, "3.00", "USD");
		fixtures.addFile(creator, bundle, "second.mp4", Arrays.copyOf(film, 5_000));
		fixtures.publish(creator, bundle);
		buyer = fixtures.viewer();
		other = fixtures.viewer();
		stranger = fixtures.viewer();
		for (AccountPrincipal who : List.of(buyer, other)) {
			String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(who)).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl();
			mvc.perform(post(payPage + "/pay").with(user(who)).with(csrf()));
		}
		for (int run = 0; run < 1000 && hashJob.hashBacklog() > 0; run++) {
			// Other test classes' files share the backlog; a run hashes a batch.
		}
		Map<String, Object> torrent = decoder.decode(torrentOf(buyer).getContentAsByteArray(), Type.DICTIONARY);
		announce = text(torrent.get("announce"));
		webSeed = text(((List<?>) torrent.get("url-list")).get(0));
		name = SafeNames.of(title);
		infoHash = jdbc.sql("select info_hash from torrents where bundle_id = ?").param(bundle.value())
			.query(byte[].class).single();
	}

	private MockHttpServletResponse torrentOf(AccountPrincipal who) throws Exception {
		return mvc.perform(get("/library/bundles/{id}/torrent", bundle).with(user(who)).with(request -> {
			request.setServerName("127.0.0.1");
			request.setServerPort(port);
			return request;
		})).andReturn().getResponse();
	}

	private static String text(Object value) {
		ByteBuffer buffer = ((ByteBuffer) value).duplicate();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Object value) {
		ByteBuffer buffer = ((ByteBuffer) value).duplicate();
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	private HttpResponse<byte[]> send(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private Map<String, Object> tracker(String url) throws Exception {
		HttpResponse<byte[]> response = send(url);
		assertThat(response.statusCode()).isEqualTo(200);
		return decoder.decode(response.body(), Type.DICTIONARY);
	}

	/**
	 * Sends the request target exactly as given, which HttpClient would refuse to (malformed escapes): the status
	 * line and the body of a Content-Length answer.
	 */
	private RawResponse raw(String url) throws Exception {
		URI base = URI.create(url.substring(0, url.indexOf('/', "http://".length())));
		String target = url.substring(base.toString().length());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getAuthority()
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			byte[] all = socket.getInputStream().readAllBytes();
			String head = new String(all, StandardCharsets.ISO_8859_1);
			int end = head.indexOf("\r\n\r\n");
			return new RawResponse(Integer.parseInt(head.substring(9, 12)), Arrays.copyOfRange(all, end + 4, all.length));
		}
	}

	private record RawResponse(int status, byte[] body) {
	}

	private static String peerId(String tag) {
		return ("-RG0001-" + tag + "000000000000").substring(0, 20);
	}

	private long peersWithId(String peerId) {
		return jdbc.sql("select count(*) from torrent_peers where peer_id = ?")
			.param(peerId.getBytes(StandardCharsets.ISO_8859_1)).query(Long.class).single();
	}

	@Test
	void anAnnounceGetsTheOtherBuyersPeerAsCompactBytesWithIntervals() throws Exception {
		String otherAnnounce = announce.replace(keys.passkey(buyer.accountId()), keys.passkey(other.accountId()));
		tracker(otherAnnounce + "?" + Announces.query(infoHash, peerId("seeder"), 7001, 0));
		Map<String, Object> answer = tracker(announce + "?" + Announces.query(infoHash, peerId("leecher"), 7002, 500));
		assertThat(answer).doesNotContainKey("failure reason");
		assertThat(answer.get("interval")).isEqualTo(1800L);
		assertThat(answer.get("min interval")).isEqualTo(300L);
		assertThat((Long) answer.get("complete")).isGreaterThanOrEqualTo(1L);
		byte[] peers = bytes(answer.get("peers"));
		assertThat(peers.length % 6).isZero();
		boolean found = false;
		for (int i = 0; i < peers.length; i += 6) {
			found |= Arrays.equals(Arrays.copyOfRange(peers, i, i + 6), new byte[] { 127, 0, 0, 1, 7001 >> 8, (byte) (7001 & 0xff) });
		}
		assertThat(found).as("the seeder at 127.0.0.1:7001").isTrue();
	}

	@Test
	void aPeerAnnouncingOverIpv6IsHandedOutInPeers6() throws Exception {
		String overIpv6 = announce.replace("127.0.0.1", "[::1]");
		Map<String, Object> first = tracker(overIpv6 + "?" + Announces.query(infoHash, peerId("six"), 7006, 0));
		assertThat(first).doesNotContainKey("failure reason");
		Map<String, Object> answer = tracker(announce + "?" + Announces.query(infoHash, peerId("four"), 7004, 10)
				+ "&numwant=1000000");
		byte[] peers6 = bytes(answer.get("peers6"));
		assertThat(peers6.length % 18).isZero();
		byte[] loopback = new byte[18];
		loopback[15] = 1;
		loopback[16] = (byte) (7006 >> 8);
		loopback[17] = (byte) (7006 & 0xff);
		boolean found = false;
		for (int i = 0; i < peers6.length; i += 18) {
			found |= Arrays.equals(Arrays.copyOfRange(peers6, i, i + 18), loopback);
		}
		assertThat(found).as("[::1]:7006 in peers6").isTrue();
	}

	@Test
	void theSwarmIsReadFromARandomPointAndWrappedSoEveryPeerCanBeHandedOut() throws Exception {
		Set<Integer> swarm = new HashSet<>();
		for (int i = 0; i < 40; i++) {
			AccountPrincipal owner = i % 2 == 0 ? buyer : other;
			jdbc.sql("""
					insert into torrent_peers (info_hash, account_id, peer_id, bundle_id, address, port, uploaded,
					    downloaded, left_bytes, updated_at)
					values (?, ?, ?, ?, ?, ?, 0, 0, 0, now())
					""")
				.params(infoHash, owner.accountId().value(), peerId(String.format("sw%03d", i)).getBytes(StandardCharsets.ISO_8859_1),
						bundle.value(), new byte[] { 127, 0, 0, 1 }, 7100 + i)
				.update();
			swarm.add(7100 + i);
		}
		for (int run = 0; run < 5; run++) {
			Map<String, Object> all = tracker(announce + "?" + Announces.query(infoHash, peerId("sampler"), 7099, 10)
					+ "&numwant=200");
			assertThat(ports(all)).as("wherever the read starts").containsAll(swarm)
				.doesNotContain(7099).doesNotHaveDuplicates();
			Map<String, Object> five = tracker(announce + "?" + Announces.query(infoHash, peerId("sampler"), 7099, 10)
					+ "&numwant=5");
			assertThat(ports(five)).hasSize(5).doesNotContain(7099).doesNotHaveDuplicates();
		}
	}

	/** The ports of an answer's IPv4 and IPv6 peers (an earlier test announced over IPv6). */
	private static List<Integer> ports(Map<String, Object> answer) {
		List<Integer> ports = new ArrayList<>();
		for (String key : List.of("peers", "peers6")) {
			byte[] compact = bytes(answer.get(key));
			int size = key.equals("peers") ? 6 : 18;
			for (int i = 0; i < compact.length; i += size) {
				ports.add(((compact[i + size - 2] & 0xff) << 8) | (compact[i + size - 1] & 0xff));
			}
		}
		return ports;
	}

	@Test
	void aStoppedPeerLeavesTheSwarm() throws Exception {
		tracker(announce + "?" + Announces.query(infoHash, peerId("stopper"), 7010, 0));
		assertThat(peersWithId(peerId("stopper"))).isEqualTo(1);
		tracker(announce + "?" + Announces.query(infoHash, peerId("stopper"), 7010, 0).replace("event=started",
				"event=stopped"));
		assertThat(peersWithId(peerId("stopper"))).isZero();
	}

	@Test
	void theTrackerAnswersGetAndHeadOnlyAndNothingOutsideItsTwoPaths() throws Exception {
		String query = "?" + Announces.query(infoHash, peerId("methods"), 7030, 0);
		HttpResponse<byte[]> posted = send(HttpRequest.newBuilder(URI.create(announce + query))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(posted.statusCode()).isEqualTo(405);
		assertThat(posted.headers().firstValue("Allow")).hasValue("GET, HEAD");
		assertThat(peersWithId(peerId("methods"))).isZero();
		HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(announce + query))
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(send(announce.replace("/announce", "/elsewhere") + query).statusCode()).isEqualTo(404);
	}

	@Test
	void transferFiguresGainEachAnnouncesGrowthCountingADropAsANewSessionAndAStoppedPeersLastBytes() throws Exception {
		long[] before = transfer();
		moved("grower", 1_000, 5_000, "started");
		moved("grower", 1_500, 9_000, "");
		moved("grower", 200, 9_500, ""); // the client restarted: its counters began again from zero
		moved("grower", 300, 9_600, "stopped");

		long[] after = transfer();
		assertThat(after[0] - before[0]).isEqualTo(1_000 + 500 + 200 + 100);
		assertThat(after[1] - before[1]).isEqualTo(5_000 + 4_000 + 500 + 100);
		assertThat(peersWithId(peerId("grower"))).isZero();
	}

	@Test
	void oneAnnounceSentManyTimesAtOnceIsCountedOnce() throws Exception {
		long[] before = transfer();
		ExecutorService senders = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> sent = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			sent.add(senders.submit(() -> {
				start.await();
				moved("repeater", 4_096, 8_192, "");
				return null;
			}));
		}
		start.countDown();
		for (Future<?> one : sent) {
			one.get(30, TimeUnit.SECONDS);
		}
		senders.shutdown();

		long[] after = transfer();
		assertThat(after[0] - before[0]).isEqualTo(4_096);
		assertThat(after[1] - before[1]).isEqualTo(8_192);
	}

	private void moved(String peer, long uploaded, long downloaded, String event) throws Exception {
		String query = Announces.query(infoHash, peerId(peer), 7020, 0)
			.replace("uploaded=0&downloaded=0", "uploaded=" + uploaded + "&downloaded=" + downloaded)
			.replace("event=started", "event=" + event);
		assertThat(tracker(announce + "?" + query)).doesNotContainKey("failure reason");
	}

	/** The bundle's announced uploaded and downloaded bytes, over every day. */
	private long[] transfer() {
		return jdbc.sql("""
				select coalesce(sum(uploaded), 0) as up, coalesce(sum(downloaded), 0) as down
				from torrent_transfer where bundle_id = ?
				""")
			.param(bundle.value())
			.query((rs, n) -> new long[] { rs.getLong("up"), rs.getLong("down") })
			.single();
	}

	@ParameterizedTest
	@ValueSource(strings = { "info_hash=%01%02&peer_id=-RG0001-bad000000000&port=1&left=0",
			"info_hash=HASH&port=6881&left=0", "info_hash=HASH&peer_id=short&port=6881&left=0",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=0&left=0",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=70000&left=0",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881&left=-1",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881&left=0&numwant=99999999999999999999999",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881&left=0&event=hacked",
			"info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881&left=0&uploaded=1e9",
			"info_hash=%G1HASH&peer_id=-RG0001-bad000000000&port=6881&left=0",
			"info_hash=HASH&info_hash=HASH&peer_id=-RG0001-bad000000000&port=6881&left=0" })
	void malformedAnnouncesGetAFailureReasonAndStoreNothing(String query) throws Exception {
		RawResponse response = raw(announce + "?" + query.replace("HASH", Announces.bytes(infoHash)));
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> answer = decoder.decode(response.body(), Type.DICTIONARY);
		assertThat(text(answer.get("failure reason"))).isNotBlank();
		assertThat(answer).doesNotContainKeys("peers", "peers6");
		assertThat(peersWithId("-RG0001-bad000000000")).isZero();
	}

	@Test
	void forgedOrAlteredPasskeysGetAFailureReason() throws Exception {
		String passkey = keys.passkey(buyer.accountId());
		char last = passkey.charAt(passkey.length() - 1);
		List<String> forged = List.of(passkey.substring(0, passkey.length() - 1) + (last == 'A' ? 'B' : 'A'),
				passkey.replace(buyer.accountId().toString(), stranger.accountId().toString()),
				buyer.accountId().toString(), "x", passkey.toUpperCase());
		for (String key : forged) {
			Map<String, Object> answer = tracker(announce.replace(passkey, key) + "?"
					+ Announces.query(infoHash, peerId("forged"), 7020, 0));
			assertThat(text(answer.get("failure reason"))).as(key).isEqualTo("unknown passkey");
		}
		assertThat(peersWithId(peerId("forged"))).isZero();
	}

	@Test
	void aGenuinePasskeyWithoutAGrantOrForAnUnknownTorrentGetsAFailureReason() throws Exception {
		String strangers = announce.replace(keys.passkey(buyer.accountId()), keys.passkey(stranger.accountId()));
		assertThat(text(tracker(strangers + "?" + Announces.query(infoHash, peerId("stranger"), 7030, 0))
			.get("failure reason"))).isEqualTo("this account may not download this torrent");
		byte[] unknown = infoHash.clone();
		unknown[0] ^= 1;
		assertThat(text(tracker(announce + "?" + Announces.query(unknown, peerId("unknown"), 7031, 0))
			.get("failure reason"))).isEqualTo("unregistered torrent");
		assertThat(peersWithId(peerId("stranger")) + peersWithId(peerId("unknown"))).isZero();
		assertThat(torrentOf(stranger).getStatus()).isEqualTo(404);
	}

	@Test
	void scrapeCountsOnlyTorrentsThePasskeyMayHave() throws Exception {
		tracker(announce + "?" + Announces.query(infoHash, peerId("scraped"), 7040, 0));
		Map<String, Object> mine = tracker(announce.replace("/announce", "/scrape") + "?info_hash="
				+ Announces.bytes(infoHash));
		Map<?, ?> files = (Map<?, ?>) mine.get("files");
		assertThat(files).hasSize(1);
		assertThat((Long) ((Map<?, ?>) files.values().iterator().next()).get("complete")).isGreaterThanOrEqualTo(1L);
		String strangers = announce.replace(keys.passkey(buyer.accountId()), keys.passkey(stranger.accountId()));
		assertThat((Map<?, ?>) tracker(strangers.replace("/announce", "/scrape") + "?info_hash="
				+ Announces.bytes(infoHash)).get("files")).isEmpty();
	}

	@Test
	void theWebSeedAnswersHeadAndRangesFromTheTorrentsFileTable() throws Exception {
		String url = webSeed + name.replace(" ", "%20") + "/film.mp4";
		HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(url))
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(film.length);
		assertThat(head.body()).isEmpty();
		HttpResponse<byte[]> range = send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=1000-1999"));
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + film.length);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(film, 1000, 2000));
		assertThat(send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=200000-")).statusCode())
			.isEqualTo(416);
	}

	@Test
	void theWebSeedAnswersPadFilesWithZeros() throws Exception {
		long pad = PieceHasher.PIECE_LENGTH - film.length;
		String url = webSeed + name.replace(" ", "%20") + "/.pad/" + pad;
		HttpResponse<byte[]> whole = send(url);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).hasSize((int) pad).containsOnly(0);
		HttpResponse<byte[]> range = send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=10-19"));
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(new byte[10]);
		assertThat(send(webSeed + name.replace(" ", "%20") + "/.pad/12").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "NAME/../../../etc/passwd", "NAME/%2e%2e/%2e%2e/etc/passwd", "NAME/..%2f..%2fetc%2fpasswd",
			"NAME/film.mp4%00", "NAME/%ff%fe", "NAME/film.mp4/", "NAME/FILM.MP4", "film.mp4", "NAME/%",
			"NAME/..\\..\\etc\\passwd", "NAME//film.mp4", "NAME" })
	void theWebSeedRefusesPathsOutsideTheTorrentWithA4xxAndNeverRedirects(String path) throws Exception {
		RawResponse response = raw(webSeed + path.replace("NAME", name.replace(" ", "%20")));
		assertThat(response.status()).isBetween(400, 499);
	}

	@Test
	void forgedOrAlteredWebSeedTokensGet403() throws Exception {
		String path = name.replace(" ", "%20") + "/film.mp4";
		String token = webSeed.substring(webSeed.indexOf("/ws/") + 4, webSeed.length() - 1);
		String base = webSeed.substring(0, webSeed.indexOf("/ws/") + 4);
		char last = token.charAt(token.length() - 1);
		String otherTorrent = token.replaceFirst("\\.[0-9a-f-]{36}\\.", "." + java.util.UUID.randomUUID() + ".");
		for (String forged : List.of(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
				token.replace(buyer.accountId().toString(), stranger.accountId().toString()), otherTorrent, "x")) {
			HttpResponse<byte[]> response = send(base + forged + "/" + path);
			assertThat(response.statusCode()).as(forged).isEqualTo(403);
			assertThat(response.body()).doesNotContain(film[0], film[1], film[2]);
		}
		String strangers = keys.webSeedToken(stranger.accountId(), java.util.UUID.fromString(token.split("\\.")[1]));
		assertThat(send(base + strangers + "/" + path).statusCode()).isEqualTo(403);
	}
}
