package io.reelgate.collaborators;

import io.reelgate.shared.RefusedException;

/** An invitation or acceptance refused for a reason the creator or the invitee can read. */
public class CollaboratorRefusedException extends RefusedException {

	CollaboratorRefusedException(String code, Object... arguments) {
		super(code, arguments);
	}
}
