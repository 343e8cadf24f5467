package io.reelgate.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Plays and watch time from the player's position reports: credited no faster than the clock and at most a minute a
 * report, once per report number, only to the viewer's own play, never for the creator's own viewing; rolled up
 * per file and day, and shown in the studio's analytics, its chart data and its CSV exports.
 */
@IntegrationTest
class WatchAnalyticsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Rollups rollups;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	private BundleId bundle;

	private FileView film;

	@BeforeEach
	void aFreeBundleWithATwoMinuteSoundtrack() {
		creator = fixtures.creator();
		bundle = fixtures.published(creator, Fixtures.unique("Watched"), "notes".getBytes());
		film = fixtures.addFile(creator, bundle, "score.wav", Sounds.wav(120));
	}

	@Test
	void watchTimeIsCreditedNoFasterThanTheClockOncePerReportAndShownPerFile() throws Exception {
		AccountPrincipal buyer = claimed();
		UUID play = UUID.randomUUID();
		assertThat(report(buyer, play, 0, "0.0")).isEqualTo(204);
		assertThat(watched(play)).isZero();

		// Ten seconds later, ten seconds further: all of it counts.
		rewind(play, Duration.ofSeconds(10));
		assertThat(report(buyer, play, 1, "10.0")).isEqualTo(204);
		assertThat(watched(play)).isEqualTo(10_000);
		// The same report retried, and an older one arriving late, add nothing.
		assertThat(report(buyer, play, 1, "10.0")).isEqualTo(204);
		assertThat(report(buyer, play, 0, "5.0")).isEqualTo(204);
		assertThat(watched(play)).isEqualTo(10_000);

		// A seek ahead by 80 s, ten seconds after the last report: only the time that passed (and the slack) counts.
		rewind(play, Duration.ofSeconds(10));
		long before = System.nanoTime();
		assertThat(report(buyer, play, 2, "90.0")).isEqualTo(204);
		long took = Duration.ofNanos(System.nanoTime() - before).toMillis();
		assertThat(watched(play)).isBetween(10_000L + 12_000, 10_000L + 12_000 + took + 1000);
		long afterSeek = watched(play);

		// Seeking back adds nothing; a report after a long pause adds at most a minute, whatever the position says.
		assertThat(report(buyer, play, 3, "20.0")).isEqualTo(204);
		assertThat(watched(play)).isEqualTo(afterSeek);
		rewind(play, Duration.ofMinutes(10));
		assertThat(report(buyer, play, 4, "110.0")).isEqualTo(204);
		assertThat(watched(play)).isEqualTo(afterSeek + 60_000);

		// Another viewer naming the same play changes nothing, and starts no play of their own.
		AccountPrincipal other = claimed();
		rewind(play, Duration.ofSeconds(30));
		assertThat(report(other, play, 9, "119.0")).isEqualTo(204);
		assertThat(watched(play)).isEqualTo(afterSeek + 60_000);
		assertThat(jdbc.sql("select count(*) from watch_plays where account_id = ?")
			.param(other.accountId().value()).query(Long.class).single()).isZero();

		// The creator watching their own file is no play.
		UUID own = UUID.randomUUID();
		report(creator, own, 0, "0.0");
		rewind(own, Duration.ofSeconds(30));
		report(creator, own, 1, "30.0");
		assertThat(watched(own)).isEqualTo(30_000);

		rollUpToday();
		long seconds = (afterSeek + 60_000) / 1000;
		String csv = studio("/studio/analytics/bundles/" + bundle + "/watch.csv");
		assertThat(csv).isEqualTo(line("bundle", "file", "plays", "watch_seconds", "seconds_per_play")
				+ line(title(), "score.wav", 1, seconds, seconds));
		assertThat(studio("/studio/analytics/bundles/" + bundle + "/days.csv"))
			.contains(line("streams", "plays", "watch_seconds").substring(1))
			.contains(line(0, 1, seconds).substring(4));
		String page = studio("/studio/analytics/bundles/" + bundle);
		assertThat(page).contains("Watching", "score.wav", "<td class=\"text-end\">1</td>",
				WatchFigures.clock((afterSeek + 60_000)));
		assertThat(studio("/studio/analytics/bundles/" + bundle + "/data.json")).contains("\"plays\":[", "\"watchMinutes\":[");
		// Over all bundles, the file is listed with its bundle.
		assertThat(studio("/studio/analytics/watch.csv")).contains(line(title(), "score.wav", 1, seconds, seconds));

		// Rolling the day up again gives the same figures.
		rollUpToday();
		assertThat(studio("/studio/analytics/bundles/" + bundle + "/watch.csv")).isEqualTo(csv);
	}

	@Test
	void aSessionUnderFiveSecondsIsNoPlayButItsWatchTimeCounts() throws Exception {
		AccountPrincipal buyer = claimed();
		UUID glance = UUID.randomUUID();
		report(buyer, glance, 0, "0.0");
		rewind(glance, Duration.ofSeconds(3));
		report(buyer, glance, 1, "3.0");
		UUID play = UUID.randomUUID();
		report(buyer, play, 0, "3.0");
		rewind(play, Duration.ofSeconds(6));
		report(buyer, play, 1, "9.0");

		rollUpToday();
		assertThat(studio("/studio/analytics/bundles/" + bundle + "/watch.csv")).endsWith(line("score.wav", 1, 9, 9));
	}

	@Test
	void reportsWithAPlayNoPlayerSendsAreRefusedAndAnotherCreatorSeesNoFigures() throws Exception {
		AccountPrincipal buyer = claimed();
		String id = UUID.randomUUID().toString();
		String[][] bad = { { id, null }, { null, "1" }, { id, "-1" }, { id, "1e3" }, { id, "99999999" },
				{ id, "1000001" }, { "not-a-uuid", "1" }, { "1-1-1-1-1", "1" }, { id + "0", "1" }, { "", "" } };
		for (String[] b : bad) {
			var request = post("/watch/{id}/position", film.id()).param("seconds", "1.0").with(user(buyer)).with(csrf());
			if (b[0] != null) {
				request.param("play", b[0]);
			}
			if (b[1] != null) {
				request.param("n", b[1]);
			}
			assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(String.join("/",
					String.valueOf(b[0]), String.valueOf(b[1]))).isEqualTo(400);
		}
		assertThat(jdbc.sql("select count(*) from watch_plays where file_id = ?").param(film.id().value())
			.query(Long.class).single()).isZero();
		// A report without a play (an older page) keeps the position and counts nothing.
		assertThat(mvc.perform(post("/watch/{id}/position", film.id()).param("seconds", "4.0").with(user(buyer))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(204);

		AccountPrincipal otherCreator = fixtures.creator();
		assertThat(mvc.perform(get("/studio/analytics/bundles/{id}/watch.csv", bundle).with(user(otherCreator)))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private AccountPrincipal claimed() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()));
		return viewer;
	}

	private int report(AccountPrincipal who, UUID play, int n, String seconds) throws Exception {
		return mvc.perform(post("/watch/{id}/position", film.id()).param("seconds", seconds)
			.param("play", play.toString()).param("n", Integer.toString(n)).with(user(who)).with(csrf()))
			.andReturn().getResponse().getStatus();
	}

	/** As if the play's last report came {@code ago} earlier. */
	private void rewind(UUID play, Duration ago) {
		jdbc.sql("update watch_plays set last_report_at = now() - make_interval(secs => ?) where id = ?")
			.params(ago.toSeconds(), play).update();
	}

	private long watched(UUID play) {
		return jdbc.sql("select watched_ms from watch_plays where id = ?").param(play).query(Long.class).single();
	}

	private String studio(String path) throws Exception {
		return mvc.perform(get(path).with(user(creator))).andReturn().getResponse().getContentAsString();
	}

	/** A CSV line as the exports write it: every cell quoted, CRLF at the end. */
	private static String line(Object... cells) {
		StringBuilder line = new StringBuilder();
		for (Object cell : cells) {
			line.append(line.isEmpty() ? "" : ",").append('"').append(cell).append('"');
		}
		return line.append("\r\n").toString();
	}

	private String title() {
		return jdbc.sql("select title from bundles where id = ?").param(bundle.value()).query(String.class).single();
	}

	private void rollUpToday() {
		rollups.rollUp(List.of(LocalDate.now(ZoneOffset.UTC)));
	}
}
