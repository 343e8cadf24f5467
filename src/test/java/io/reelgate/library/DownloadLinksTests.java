package io.reelgate.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.reelgate.library.DownloadLinks.DownloadLinkException;
import io.reelgate.library.DownloadLinks.LinkProblem;
import io.reelgate.library.DownloadLinks.VerifiedLink;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadLinksTests {

	private static final String SECRET = "a-test-secret-that-is-long-enough-for-hmac";

	private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");

	private final BundleFileId file = new BundleFileId(UUID.randomUUID());

	private final AccountId buyer = new AccountId(UUID.randomUUID());

	@Test
	void aLinkWorksUntilItsLifetimeEndsByTheApplicationClock() {
		String path = links(SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC)).pathFor(file, buyer, "Film é.mp4");
		assertThat(path).endsWith("/Film__.mp4");
		String[] parts = path.split("/");

		VerifiedLink verified = links(SECRET, at(Duration.ofHours(6).minusSeconds(1))).verify(parts[2], parts[3],
				parts[4], parts[5]);
		assertThat(verified).isEqualTo(new VerifiedLink(file, buyer, ISSUED.plus(Duration.ofHours(6))));

		assertProblem(() -> links(SECRET, at(Duration.ofHours(6))).verify(parts[2], parts[3], parts[4], parts[5]),
				LinkProblem.EXPIRED);
	}

	@Test
	void rejectsDownloadWithAChangedFieldOrSignatureAsForged() {
		DownloadLinks links = links(SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC));
		String[] p = links.pathFor(file, buyer, "film.mp4").split("/");
		String otherId = UUID.randomUUID().toString();
		String later = Long.toString(Long.parseLong(p[4]) + 3600);

		assertProblem(() -> links.verify(otherId, p[3], p[4], p[5]), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], otherId, p[4], p[5]), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], p[3], later, p[5]), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], p[3], p[4], p[5].substring(0, p[5].length() - 1)), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], p[3], p[4], p[5] + "A"), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], p[3], p[4], ""), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2].toUpperCase(), p[3], p[4], p[5]), LinkProblem.FORGED);
		assertProblem(() -> links.verify(p[2], p[3], "+" + p[4], p[5]), LinkProblem.FORGED);
		assertProblem(() -> links.verify("not-a-uuid", p[3], p[4], p[5]), LinkProblem.FORGED);
		assertProblem(() -> links(SECRET.replace('a', 'b'), Clock.fixed(ISSUED, ZoneOffset.UTC)).verify(p[2], p[3],
				p[4], p[5]), LinkProblem.FORGED);
	}

	@Test
	void anExpiredLinkWhoseExpiryWasMovedIsForgedNotExpired() {
		String[] p = links(SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC)).pathFor(file, buyer, "f").split("/");
		DownloadLinks tomorrow = links(SECRET, at(Duration.ofDays(1)));
		String extended = Long.toString(ISSUED.plus(Duration.ofDays(2)).getEpochSecond());
		assertProblem(() -> tomorrow.verify(p[2], p[3], p[4], p[5]), LinkProblem.EXPIRED);
		assertProblem(() -> tomorrow.verify(p[2], p[3], extended, p[5]), LinkProblem.FORGED);
	}

	@Test
	void aGeneratedSecretIsKeptAndSharedByEveryInstanceReadingTheSameFile(@TempDir Path dir) throws Exception {
		Path secretFile = dir.resolve("nested/secret");
		Clock clock = Clock.fixed(ISSUED, ZoneOffset.UTC);
		DownloadLinks first = new DownloadLinks(new DownloadLinkProperties(null, secretFile.toString(),
				Duration.ofHours(6)), clock);
		assertThat(secretFile).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
		String[] p = first.pathFor(file, buyer, "f").split("/");

		DownloadLinks restarted = new DownloadLinks(new DownloadLinkProperties("", secretFile.toString(),
				Duration.ofHours(6)), clock);
		assertThat(restarted.verify(p[2], p[3], p[4], p[5]).file()).isEqualTo(file);

		DownloadLinks otherMachine = new DownloadLinks(new DownloadLinkProperties(null,
				dir.resolve("other").toString(), Duration.ofHours(6)), clock);
		assertProblem(() -> otherMachine.verify(p[2], p[3], p[4], p[5]), LinkProblem.FORGED);
	}

	@Test
	void refusesAShortSecretOrANonPositiveLifetimeAtStartup() {
		assertThatThrownBy(() -> new DownloadLinkProperties("too-short", "x", Duration.ofHours(6)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DownloadLinkProperties(SECRET, "x", Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static DownloadLinks links(String secret, Clock clock) {
		return new DownloadLinks(new DownloadLinkProperties(secret, "unused", Duration.ofHours(6)), clock);
	}

	private static Clock at(Duration afterIssue) {
		return Clock.offset(Clock.fixed(ISSUED, ZoneOffset.UTC), afterIssue);
	}

	private static void assertProblem(Runnable verification, LinkProblem problem) {
		assertThatThrownBy(verification::run).isInstanceOfSatisfying(DownloadLinkException.class,
				ex -> assertThat(ex.problem()).isEqualTo(problem));
	}
}
