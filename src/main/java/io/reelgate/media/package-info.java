/**
 * What a video or audio file holds, found by ffprobe and ffmpeg when they are installed: duration, resolution and
 * codecs, and a poster frame a creator may use as the cover; and its HLS package for online playback, made after
 * the probe ({@code BundleFileProbed}) and offered to the library through {@link io.reelgate.media.HlsStreams}.
 * Listens to the catalog's {@code BundleFileAdded} and reads the bytes where the storage keeps them; without the
 * tools it does nothing.
 */
@ApplicationModule(allowedDependencies = { "catalog", "storage" })
package io.reelgate.media;

import org.springframework.modulith.ApplicationModule;
