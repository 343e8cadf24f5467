package io.reelgate.media;

import java.util.List;

import io.reelgate.catalog.MediaInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HlsPlanTests {

	private static final List<Integer> LADDER = List.of(1080, 720, 480);

	@Test
	void h264WithAacIsRemuxedWithoutReEncodingAnything() {
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, 1920, 1080, "h264", "aac", "mov"), LADDER, 6);

		assertThat(plan.method()).isEqualTo("REMUX");
		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("v1080", "a");
		assertThat(plan.outputOptions()).containsSequence("-c:v", "copy").containsSequence("-c:a", "copy")
			.doesNotContain("libx264", "aac")
			.containsSequence("-var_stream_map", "v:0,agroup:aud,name:v1080 a:0,agroup:aud,name:a")
			.containsSequence("-hls_segment_type", "fmp4").containsSequence("-hls_flags", "single_file");
	}

	@Test
	void h264WithOtherSoundCopiesThePictureAndEncodesTheSoundToAac() {
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, 1280, 720, "h264", "ac3", "matroska"), LADDER, 6);

		assertThat(plan.method()).isEqualTo("REMUX");
		assertThat(plan.outputOptions()).containsSequence("-c:v", "copy").containsSequence("-c:a", "aac");
	}

	@Test
	void otherVideoIsEncodedAtEveryLadderHeightNoTallerThanTheSourceWithAlignedKeyframes() {
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, 1280, 720, "mpeg4", "mp3", "avi"), LADDER, 4);

		assertThat(plan.method()).isEqualTo("LADDER");
		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("v720", "v480", "a");
		assertThat(plan.outputOptions()).contains("libx264", "expr:gte(t,n_forced*4)")
			.containsSequence("-filter_complex", "[0:v:0]split=2[s0][s1];[s0]scale=-2:720[o0];[s1]scale=-2:480[o1]")
			.containsSequence("-b:v:0", "2851k").containsSequence("-b:v:1", "1267k")
			.containsSequence("-c:a", "aac");
	}

	@Test
	void aSourceShorterThanEveryRungGetsOneRenditionAtItsOwnEvenHeight() {
		assertThat(HlsPlan.heights(241, LADDER)).containsExactly(240);
		assertThat(HlsPlan.heights(1080, List.of(480, 1080, 720, 2160))).containsExactly(1080, 720, 480);
	}

	@Test
	void soundAloneIsOneAudioRenditionWithoutAnAudioGroup() {
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, null, null, null, "flac", "flac"), LADDER, 6);

		assertThat(plan.method()).isEqualTo("REMUX");
		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("a");
		assertThat(plan.outputOptions()).containsSequence("-var_stream_map", "a:0,name:a")
			.doesNotContain("-c:v");
	}

	@Test
	void aFileWithNeitherPictureNorSoundHasNoPlan() {
		assertThatThrownBy(() -> HlsPlan.of(MediaInfo.NONE, LADDER, 6)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void thePeakBandwidthIsTheFastestSegmentsBitRate() {
		String playlist = """
				#EXTM3U
				#EXT-X-MAP:URI="v240.m4s",BYTERANGE="838@0"
				#EXTINF:2.000000,
				#EXT-X-BYTERANGE:50000@838
				v240.m4s
				#EXTINF:2.000000,
				#EXT-X-BYTERANGE:100000@50838
				v240.m4s
				#EXT-X-ENDLIST
				""";
		assertThat(HlsPlaylists.peakBandwidth(playlist)).isEqualTo(400_000);
	}

	@Test
	void aMediaPlaylistReferringToAnyOtherFileIsRefused() {
		String playlist = """
				#EXTM3U
				#EXT-X-MAP:URI="v240.m4s",BYTERANGE="838@0"
				#EXTINF:2.000000,
				../../secret.m4s
				#EXT-X-ENDLIST
				""";
		assertThatThrownBy(() -> HlsPlaylists.checkMedia(playlist, "v240.m4s"))
			.isInstanceOf(HlsPackager.PackagingException.class);
	}
}
