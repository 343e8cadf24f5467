package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One admin action: who did what to which target, when and why. Never updated or deleted. */
@Entity
@Table(name = "audit_log")
class AuditEntry {

	@Id
	private UUID id;

	private UUID actorId;

	private String actorName;

	private String action;

	private String targetType;

	private UUID targetId;

	private String targetName;

	private String reason;

	private Instant occurredAt;

	protected AuditEntry() {
	}

	AuditEntry(AccountPrincipal actor, AuditAction action, String targetType, UUID targetId, String targetName,
			String reason, Instant now) {
		this.id = UUID.randomUUID();
		this.actorId = actor.accountId().value();
		this.actorName = actor.displayName();
		this.action = action.name();
		this.targetType = targetType;
		this.targetId = targetId;
		this.targetName = targetName;
		this.reason = reason;
		this.occurredAt = now;
	}

	UUID id() {
		return id;
	}

	AuditAction action() {
		return AuditAction.valueOf(action);
	}

	UUID targetId() {
		return targetId;
	}

	String targetName() {
		return targetName;
	}

	String reason() {
		return reason;
	}

	Instant occurredAt() {
		return occurredAt;
	}
}
