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
	void everySoundTrackOfAFilmIsAnAudioRenditionEachCopiedOrEncodedOnItsOwn() {
		List<AudioTrack> tracks = List.of(new AudioTrack(0, "aac", "en", null, false, true),
				new AudioTrack(1, "ac3", "fr", "Version française", false, false),
				new AudioTrack(2, "aac", "en", null, true, false));
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, 1920, 1080, "h264", "aac", "matroska"), tracks, LADDER, 6);

		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("v1080", "a", "a1", "a2");
		assertThat(plan.outputOptions()).containsSequence("-map", "0:a:0", "-c:a:0", "copy")
			.containsSequence("-map", "0:a:1", "-c:a:1", "aac", "-b:a:1", "128k", "-ac:a:1", "2")
			.containsSequence("-map", "0:a:2", "-c:a:2", "copy")
			.containsSequence("-var_stream_map",
					"v:0,agroup:aud,name:v1080 a:0,agroup:aud,name:a a:1,agroup:aud,name:a1 a:2,agroup:aud,name:a2");
	}

	@Test
	void soundAloneKeepsItsFirstTrackOnly() {
		List<AudioTrack> tracks = List.of(new AudioTrack(0, "flac", "en", null, false, true),
				new AudioTrack(1, "flac", "fr", null, false, false));
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, null, null, null, "flac", "flac"), tracks, LADDER, 6);

		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("a");
	}

	@Test
	void hevcIsEncodedToH264ForEveryBrowserAndCopiedAsAnExtraRenditionTaggedHvc1() {
		HlsPlan plan = HlsPlan.of(new MediaInfo(60_000L, 1920, 1080, "hevc", "aac", "mov"), LADDER, 6);

		assertThat(plan.method()).isEqualTo("LADDER");
		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name)
			.containsExactly("v1080", "v720", "v480", "o1080", "a");
		assertThat(plan.outputOptions()).containsSequence("-c:v:0", "libx264").containsSequence("-c:v:2", "libx264")
			.containsSequence("-preset:v:1", "veryfast").containsSequence("-force_key_frames:v:2", "expr:gte(t,n_forced*6)")
			.containsSequence("-map", "0:v:0", "-c:v:3", "copy", "-tag:v:3", "hvc1")
			.doesNotContain("-c:v", "-preset");
		HlsPlan av1 = HlsPlan.of(new MediaInfo(60_000L, 1280, 720, "av1", "opus", "matroska"), LADDER, 6);
		assertThat(av1.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("v720", "v480", "o720", "a");
		assertThat(av1.outputOptions()).containsSequence("-c:v:2", "copy").doesNotContain("hvc1");
	}

	@Test
	void h264WhoseCreatorAsksForALadderGetsTheLadderNoTallerThanItselfPlusItsOwnPictureCopied() {
		MediaInfo media = new MediaInfo(60_000L, 1280, 720, "h264", "aac", "mov");
		HlsPlan plan = HlsPlan.of(media, List.of(), LADDER, 6, true);

		assertThat(plan.method()).isEqualTo("LADDER");
		assertThat(plan.renditions()).extracting(HlsPlan.Rendition::name).containsExactly("v720", "v480", "o720", "a");
		assertThat(plan.renditions()).filteredOn(HlsPlan.Rendition::original).extracting(HlsPlan.Rendition::height)
			.containsExactly(720);
		assertThat(plan.outputOptions()).containsSequence("-c:v:0", "libx264").containsSequence("-c:v:1", "libx264")
			.containsSequence("-b:v:1", HlsPlan.bitrateKbps(480) + "k")
			.containsSequence("-force_key_frames:v:0", "expr:gte(t,n_forced*6)")
			.containsSequence("-map", "0:v:0", "-c:v:2", "copy")
			.containsSequence("-c:a", "copy")
			.doesNotContain("hvc1", "-c:v", "v1080")
			.containsSequence("-var_stream_map", "v:0,agroup:aud,name:v720 v:1,agroup:aud,name:v480 "
					+ "v:2,agroup:aud,name:o720 a:0,agroup:aud,name:a");
		// Without the request, the same source is only remuxed.
		assertThat(HlsPlan.of(media, List.of(), LADDER, 6, false).renditions()).extracting(HlsPlan.Rendition::name)
			.containsExactly("v720", "a");
		// A request changes nothing for a source that gets the ladder anyway, nor for sound alone.
		assertThat(HlsPlan.of(new MediaInfo(60_000L, 1280, 720, "mpeg4", "mp3", "avi"), List.of(), LADDER, 6, true))
			.isEqualTo(HlsPlan.of(new MediaInfo(60_000L, 1280, 720, "mpeg4", "mp3", "avi"), LADDER, 6));
		assertThat(HlsPlan.of(new MediaInfo(60_000L, null, null, null, "aac", "mov"), List.of(), LADDER, 6, true))
			.isEqualTo(HlsPlan.of(new MediaInfo(60_000L, null, null, null, "aac", "mov"), LADDER, 6));
	}

	@Test
	void codecStringsComeFromTheInitSectionsDecoderConfiguration() {
		byte[] avc = { 0, 0, 0, 0x10, 'a', 'v', 'c', 'C', 1, 0x64, 0x00, 0x1f, (byte) 0xff };
		assertThat(HlsCodecs.of(avc)).isEqualTo("avc1.64001f");
		// Main profile, compatible with Main and Main 10, level 3.1, progressive source flag only.
		byte[] hevc = { 0, 0, 0, 0x70, 'h', 'v', 'c', '1', 0, 0, 0, 0x20, 'h', 'v', 'c', 'C', 1, 0x01, 0x60, 0, 0, 0, (byte) 0x90, 0,
				0, 0, 0, 0, 93 };
		assertThat(HlsCodecs.of(hevc)).isEqualTo("hvc1.1.6.L93.90");
		byte[] av1 = { 0, 0, 0, 0x10, 'a', 'v', '1', 'C', (byte) 0x81, 0x08, 0x0c, 0 };
		assertThat(HlsCodecs.of(av1)).isEqualTo("av01.0.08M.08");
		assertThat(HlsCodecs.of(new byte[] { 0, 0, 0, 8, 'm', 'p', '4', 'a' })).isEqualTo("mp4a.40.2");
		assertThat(HlsCodecs.of(new byte[16])).isNull();
	}

	@Test
	void streamLanguagesBecomeRfc5646Tags() {
		assertThat(ProbeReport.language("eng")).isEqualTo("en");
		assertThat(ProbeReport.language("fra")).isEqualTo("fr");
		assertThat(ProbeReport.language("fre")).isEqualTo("fr");
		assertThat(ProbeReport.language("pt-BR")).isEqualTo("pt-BR");
		assertThat(ProbeReport.language("und")).isNull();
		assertThat(ProbeReport.language("")).isNull();
		assertThat(ProbeReport.language("\"><script>")).isNull();
		String report = """
				{"streams": [{"codec_type": "audio", "codec_name": "aac", "tags": {"language": "eng"},
				  "disposition": {"default": 1}},
				 {"codec_type": "audio", "codec_name": "ac3", "tags": {"LANGUAGE": "ger", "TITLE": "Deutsch \\"AD\\""},
				  "disposition": {"visual_impaired": 1}}]}
				""";
		assertThat(ProbeReport.audioTracks(report)).containsExactly(new AudioTrack(0, "aac", "en", null, false, true),
				new AudioTrack(1, "ac3", "de", "Deutsch AD", true, false));
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
