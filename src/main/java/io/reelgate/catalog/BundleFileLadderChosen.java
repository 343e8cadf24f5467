package io.reelgate.catalog;

import io.reelgate.shared.BundleFileId;

/**
 * The creator turned the adaptive ladder of an H.264 video on or off ({@code ladder}), so its package for online
 * playback is to be made again. Published only when the choice changed.
 */
public record BundleFileLadderChosen(BundleFileId file, boolean ladder) {
}
