package io.reelgate.torrents;

import java.io.EOFException;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.support.CapturedLogs;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.torrents.HashFailures.Failure;
import io.reelgate.torrents.HashFailures.Reason;
import io.reelgate.torrents.PieceHashes.Unhashed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Files the piece-hash job cannot read: recorded once, shown to the creator and admins, not retried every run. */
@IntegrationTest
class PieceHashFailureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PieceHashJob job;

	@Autowired
	PieceHasher hasher;

	@Autowired
	PieceHashes hashes;

	@Autowired
	HashFailures failures;

	@Autowired
	BlobStore store;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	private BundleId bundle;

	private FileView file;

	@BeforeEach
	void aStoredFile() {
		byte[] content = new byte[70_000];
		new Random(5).nextBytes(content);
		creator = fixtures.creator();
		bundle = fixtures.draft(creator, Fixtures.unique("Hash failure"), new byte[] { 1 }, "1.00", "USD");
		file = fixtures.addFile(creator, bundle, "lost.mp4", content);
	}

	private UUID id() {
		return file.id().value();
	}

	private boolean inBacklog() {
		return hashes.backlog(PieceHasher.PIECE_LENGTH, 100_000).stream().anyMatch(u -> u.fileId().equals(id()));
	}

	/** Runs the job until it has come to this file (other classes' files share the backlog). */
	private void runUntilTried() {
		for (int run = 0; run < 1000 && failures.of(List.of(id())).isEmpty()
				&& hashes.of(id()).isEmpty(); run++) {
			job.hashBacklog();
		}
	}

	@Test
	void aMissingBlobIsRecordedWithOneLogLineAndNotTriedAgainUntilAnAdminAsks() throws Exception {
		store.delete(file.storageKey());
		try (CapturedLogs logs = CapturedLogs.start()) {
			runUntilTried();
			for (int run = 0; run < 3; run++) {
				job.hashBacklog();
			}
			assertThat(logs.lines(Level.WARN, id().toString())).hasSize(1).first().asString().contains("MISSING");
			assertThat(logs.errorsOrStackTraces()).noneMatch(line -> line.contains(PieceHashJob.class.getName()));
		}
		Failure failure = failures.of(List.of(id())).get(id());
		assertThat(failure.reason()).isEqualTo(Reason.MISSING);
		assertThat(failure.attempts()).isEqualTo(1);
		assertThat(failure.retryAt()).isNull();
		assertThat(inBacklog()).isFalse();

		assertThat(mvc.perform(get("/studio/bundles/{id}", bundle).with(user(creator))).andReturn().getResponse()
			.getContentAsString()).contains("lost.mp4", "failed: the stored file is missing");
		AccountPrincipal admin = fixtures.admin();
		assertThat(mvc.perform(get("/admin/torrents").with(user(admin))).andReturn().getResponse()
			.getContentAsString()).contains("lost.mp4", "NoSuchFileException", "not tried again until you ask");

		assertThat(mvc.perform(post("/admin/torrents/failures/{id}/retry", id()).with(user(creator)).with(csrf()))
			.andReturn().getResponse().getStatus()).as("a creator is no admin").isEqualTo(403);
		assertThat(inBacklog()).isFalse();
		assertThat(mvc.perform(post("/admin/torrents/failures/{id}/retry", id()).with(user(admin)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(failures.of(List.of(id()))).isEmpty();
		assertThat(inBacklog()).isTrue();
		assertThat(mvc.perform(post("/admin/torrents/failures/{id}/retry", "not-a-uuid").with(user(admin))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aBlobShorterThanTheFileIsTruncated() {
		Unhashed longer = new Unhashed(id(), file.storageKey(), file.size() + 10);
		assertThatThrownBy(() -> hasher.hash(longer)).isInstanceOf(EOFException.class)
			.satisfies(ex -> assertThat(Reason.of((Exception) ex)).isEqualTo(Reason.TRUNCATED));
		assertThat(hashes.of(id())).as("nothing stored half").isEmpty();
	}

	@Test
	void anUnreadableFileIsTriedAgainLaterAfterEachFailure() {
		Duration interval = Duration.ofMinutes(1);
		Instant before = Instant.now();
		failures.record(id(), new IOException("connection reset"), interval);
		Failure second = failures.record(id(), new IOException("connection reset"), interval);

		assertThat(second.reason()).isEqualTo(Reason.UNREADABLE);
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(second.retryAt()).isAfterOrEqualTo(before.plus(interval.multipliedBy(2)));
		assertThat(inBacklog()).isFalse();
		jdbc.sql("update torrent_hash_failures set retry_at = ? where file_id = ?")
			.params(Timestamp.from(before.minusSeconds(1)), id())
			.update();
		assertThat(inBacklog()).as("due again").isTrue();

		job.hashBacklog();
		for (int run = 0; run < 1000 && hashes.of(id()).isEmpty(); run++) {
			job.hashBacklog();
		}
		assertThat(hashes.of(id()).orElseThrow().completeFor(file.size(), PieceHasher.PIECE_LENGTH)).isTrue();
		assertThat(failures.of(List.of(id()))).as("forgotten once hashed").isEmpty();
	}

	@Test
	void theWaitDoublesUpToADay() {
		Duration minute = Duration.ofMinutes(1);
		assertThat(HashFailures.backoff(minute, 1)).isEqualTo(minute);
		assertThat(HashFailures.backoff(minute, 4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(HashFailures.backoff(minute, 40)).isEqualTo(HashFailures.MAX_BACKOFF);
	}
}
