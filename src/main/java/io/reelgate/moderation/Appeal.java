package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A creator's appeal against one admin action; the unique action id makes it one appeal per action. */
@Entity
@Table(name = "appeals")
class Appeal {

	enum Status {
		OPEN, UPHELD, REJECTED
	}

	@Id
	private UUID id;

	private UUID auditEntryId;

	private UUID creatorId;

	private String text;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	private @Nullable Instant answeredAt;

	private @Nullable String answer;

	@Version
	@Column(nullable = false)
	private long version;

	protected Appeal() {
	}

	Appeal(UUID auditEntryId, AccountId creator, String text, Instant now) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("An appeal needs a text");
		}
		this.id = UUID.randomUUID();
		this.auditEntryId = auditEntryId;
		this.creatorId = creator.value();
		this.text = text.strip();
		this.status = Status.OPEN;
		this.createdAt = now;
	}

	void answer(Status outcome, String reason, Instant now) {
		if (status != Status.OPEN) {
			throw new IllegalStateException("Appeal " + id + " is answered already");
		}
		this.status = outcome;
		this.answer = reason;
		this.answeredAt = now;
	}

	UUID id() {
		return id;
	}

	UUID auditEntryId() {
		return auditEntryId;
	}

	AccountId creator() {
		return new AccountId(creatorId);
	}

	String text() {
		return text;
	}

	Status status() {
		return status;
	}

	Instant createdAt() {
		return createdAt;
	}
}
