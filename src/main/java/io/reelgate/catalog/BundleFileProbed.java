package io.reelgate.catalog;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

/**
 * The media probe recorded what a video or audio file holds ({@link MediaInfo#NONE} when it could read nothing).
 * Published in the transaction that records it, once per probe, so a file probed twice announces it twice.
 */
public record BundleFileProbed(BundleFileId file, BundleId bundle, String contentType, MediaInfo media) {
}
