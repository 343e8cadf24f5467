package io.reelgate.media;

import io.reelgate.catalog.MediaInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeReportTests {

	@Test
	void readsDurationResolutionCodecsAndContainer() {
		MediaInfo media = ProbeReport.parse("""
				{"streams": [
				  {"index": 0, "codec_name": "h264", "codec_type": "video", "width": 1920, "height": 1080,
				   "disposition": {"attached_pic": 0}},
				  {"index": 1, "codec_name": "aac", "codec_type": "audio"}],
				 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "6125.040000"}}
				""");
		assertThat(media).isEqualTo(new MediaInfo(6_125_040L, 1920, 1080, "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2"));
		assertThat(media.durationText()).isEqualTo("1:42:05");
		assertThat(media.resolutionText()).isEqualTo("1920×1080");
		assertThat(media.codecsText()).isEqualTo("H.264/AAC");
	}

	@Test
	void anAlbumCoverIsNotAPictureAndAMissingFormatDurationFallsBackToTheStream() {
		MediaInfo media = ProbeReport.parse("""
				{"streams": [
				  {"codec_name": "mjpeg", "codec_type": "video", "width": 600, "height": 600,
				   "disposition": {"attached_pic": 1}},
				  {"codec_name": "mp3", "codec_type": "audio", "duration": "61.5"}],
				 "format": {"format_name": "mp3", "duration": "N/A"}}
				""");
		assertThat(media).isEqualTo(new MediaInfo(61_500L, null, null, null, "mp3", "mp3"));
		assertThat(media.durationText()).isEqualTo("1:02");
		assertThat(media.resolutionText()).isNull();
		assertThat(media.codecsText()).isEqualTo("MP3");
	}

	@Test
	void aFileWithoutPictureOrSoundYieldsNothing() {
		assertThat(ProbeReport.parse("""
				{"streams": [{"codec_type": "data", "duration": "2.000000"}],
				 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "2.000000"}}
				""")).isEqualTo(MediaInfo.NONE);
		assertThat(ProbeReport.parse("{}")).isEqualTo(MediaInfo.NONE);
		assertThat(ProbeReport.parse("not json")).isEqualTo(MediaInfo.NONE);
	}

	@Test
	void overlongNamesAreCutToTheirColumns() {
		MediaInfo media = ProbeReport.parse("""
				{"streams": [{"codec_name": "%s", "codec_type": "audio"}], "format": {"format_name": "%s"}}
				""".formatted("c".repeat(100), "f".repeat(100)));
		assertThat(media.audioCodec()).hasSize(32);
		assertThat(media.container()).hasSize(64);
		assertThat(media.durationText()).isNull();
	}
}
