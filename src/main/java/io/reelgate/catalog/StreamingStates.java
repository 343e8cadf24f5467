package io.reelgate.catalog;

import java.util.Collection;
import java.util.Map;

import io.reelgate.shared.BundleFileId;

/**
 * How far the packaging for online playback of a bundle's files has come, for the editor to show: a port of the
 * catalog's that the media module implements, as the catalog may not depend on it.
 */
public interface StreamingStates {

	/** The state of each file that has one; files never queued for packaging are left out. */
	Map<BundleFileId, StreamingState> of(Collection<BundleFileId> files);

	/**
	 * A file's packaging: {@code state} is QUEUED, PACKAGING, READY or FAILED; {@code failure} says why it failed;
	 * {@code playing} that a package made before is served meanwhile (the file is being packaged again).
	 */
	record StreamingState(String state, int progress, String failure, boolean playing) {
	}
}
