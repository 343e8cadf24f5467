package io.reelgate.moderation;

/** No appeal has this id: an admin's stale page or a typed URL, answered as any unknown id is (404). */
public class AppealNotFoundException extends RuntimeException {

	public AppealNotFoundException() {
		super("Appeal not found");
	}
}
