package io.reelgate.media;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where ffprobe and ffmpeg read a stored file: its local path, or a short-lived presigned URL of the object store,
 * from which they fetch only the parts they need (the container's header, the frames around one moment) rather
 * than the whole film.
 *
 * @param url the input, always with an explicit protocol so that no other protocol can be read into it
 * @param protocols the protocols ffmpeg may use for it
 * @param description what to call it in the log (never the presigned URL, which is a credential while it lasts)
 */
record MediaInput(String url, String protocols, String description) {

	static MediaInput file(Path path, String description) {
		return new MediaInput("file:" + path.toAbsolutePath(), "file", description);
	}

	static MediaInput url(URI url, String description) {
		String scheme = url.getScheme();
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw new IllegalArgumentException("Not an http(s) URL: " + scheme);
		}
		return new MediaInput(url.toString(), "https,http,tls,tcp", description);
	}
}
