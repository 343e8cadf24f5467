/**
 * What a video or audio file holds, found by ffprobe and ffmpeg when they are installed: duration, resolution and
 * codecs, and a poster frame a creator may use as the cover. Listens to the catalog's {@code BundleFileAdded} and
 * reads the bytes where the storage keeps them; nothing depends on it, and without the tools it does nothing.
 */
package io.reelgate.media;
