package io.reelgate.media;

import org.jspecify.annotations.Nullable;

/**
 * One audio stream of a source, as ffprobe lists it: a dub, a commentary, an audio description. Several become
 * alternative audio renditions of the package, named and tagged from these.
 * @param index among the source's audio streams ({@code 0:a:N})
 * @param language an RFC 5646 tag made from the stream's language tag ({@code eng} becomes {@code en}), or null
 * @param title the stream's own title tag, cleaned for a playlist attribute, or null
 * @param describesVideo the stream is marked as for the visually impaired (an audio description)
 * @param isDefault the stream is marked as the default one
 */
record AudioTrack(int index, @Nullable String codec, @Nullable String language, @Nullable String title,
		boolean describesVideo, boolean isDefault) {
}
