package io.reelgate.catalog;

import java.time.Instant;
import java.util.List;

import io.reelgate.catalog.IncludedFile.Kind;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncludedFileTests {

	private static final BundleId BUNDLE = BundleId.random();

	@Test
	void theLargestLockedVideoIsTheFeatureAndUnlockedVideosAreTrailers() {
		FileView film = file("reelgate-e2e-1234.mp4", "video/mp4", 900, false, media(6_125_000L, 1920, 1080));
		FileView extra = file("making-of.mp4", "video/mp4", 300, false, media(60_000L, 1280, 720));
		FileView teaser = file("teaser.mp4", "video/mp4", 50, true, media(30_000L, 1280, 720));
		BundleDetails bundle = details(extra, teaser, film);

		assertThat(bundle.included()).extracting(IncludedFile::kind)
			.containsExactly(Kind.FEATURE, Kind.TRAILER, Kind.VIDEO);
		assertThat(bundle.feature().file()).isEqualTo(film);
		assertThat(bundle.feature().durationText()).isEqualTo("1:42:05");
		assertThat(bundle.feature().resolutionClass()).isEqualTo("1080p");
	}

	@Test
	void aTrailerIsNeverTheFeatureEvenWhenItIsTheOnlyLockedVideo() {
		BundleDetails bundle = details(file("Trailer-final.mp4", "video/mp4", 900, false, null));

		assertThat(bundle.feature()).isNull();
		assertThat(bundle.included()).extracting(IncludedFile::kind).containsExactly(Kind.TRAILER);
	}

	@Test
	void otherFilesGetTheKindTheirTypeOrNameSays() {
		BundleDetails bundle = details(file("still-01.jpg", "image/jpeg", 1, false, null),
				file("original-score.flac", "audio/flac", 1, false, null),
				file("commentary.wav", "audio/wav", 1, false, null),
				file("shooting-script.pdf", "application/pdf", 1, false, null),
				file("press-notes.pdf", "application/pdf", 1, true, null),
				file("notes.txt", "text/plain", 1, false, null),
				file("extras.zip", "application/zip", 1, false, null),
				file("film.fr.srt", "application/x-subrip", 1, false, null),
				file("data.bin", "application/octet-stream", 1, false, null));

		assertThat(bundle.included()).extracting(IncludedFile::kind)
			.containsExactly(Kind.SOUNDTRACK, Kind.AUDIO, Kind.STILL, Kind.CAPTIONS, Kind.SCREENPLAY, Kind.PRESS_KIT,
					Kind.DOCUMENT, Kind.ARCHIVE, Kind.OTHER);
	}

	@Test
	void resolutionClassesFollowThePictureWhateverItsShape() {
		assertThat(clazz(3840, 2160)).isEqualTo("4K");
		assertThat(clazz(1920, 800)).isEqualTo("1080p");
		assertThat(clazz(1080, 1920)).isEqualTo("1080p");
		assertThat(clazz(1280, 720)).isEqualTo("720p");
		assertThat(clazz(640, 480)).isEqualTo("480p");
		assertThat(clazz(320, 240)).isEqualTo("240p");
		assertThat(IncludedFile.of(file("a.wav", "audio/wav", 1, false, media(1000L, null, null)), false)
			.resolutionClass()).isNull();
	}

	private static String clazz(int width, int height) {
		return IncludedFile.of(file("a.mp4", "video/mp4", 1, false, media(1000L, width, height)), true).resolutionClass();
	}

	private static MediaInfo media(Long millis, Integer width, Integer height) {
		return new MediaInfo(millis, width, height, width == null ? null : "h264", "aac", null);
	}

	private static FileView file(String name, String type, long size, boolean unlocked, MediaInfo media) {
		return new FileView(BundleFileId.random(), BUNDLE, name, type, size, "00", "key", Instant.EPOCH, unlocked, media,
				false);
	}

	private static BundleDetails details(FileView... files) {
		return new BundleDetails(null, "", List.of(files), List.of());
	}
}
