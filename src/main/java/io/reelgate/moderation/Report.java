package io.reelgate.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** Someone's report about a bundle or a whole creator, open until an admin dismisses it or acts on it. */
@Entity
@Table(name = "reports")
class Report {

	enum Status {
		OPEN, DISMISSED, ACTIONED
	}

	@Id
	private UUID id;

	/** Null for a report about the creator as a whole. */
	private @Nullable UUID bundleId;

	private UUID creatorId;

	@Enumerated(EnumType.STRING)
	private ReportCategory category;

	private String details;

	private @Nullable String claimant;

	private @Nullable String work;

	private @Nullable String contact;

	private boolean statementAccepted;

	private @Nullable UUID reporterId;

	private @Nullable String reporterEmail;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	private @Nullable Instant resolvedAt;

	private @Nullable String resolution;

	@Version
	@Column(nullable = false)
	private long version;

	protected Report() {
	}

	Report(NewReport report, AccountId creator, Instant now) {
		this.id = UUID.randomUUID();
		this.bundleId = report.bundle() == null ? null : report.bundle().value();
		this.creatorId = creator.value();
		this.category = report.category();
		this.details = report.details().strip();
		if (report.category() == ReportCategory.COPYRIGHT) {
			if (blank(report.claimant()) || blank(report.work()) || blank(report.contact())
					|| !report.statementAccepted()) {
				throw new IllegalArgumentException("A copyright report needs claimant, work, contact and statement");
			}
			this.claimant = report.claimant().strip();
			this.work = report.work().strip();
			this.contact = report.contact().strip();
			this.statementAccepted = true;
		}
		this.reporterId = report.reporter() == null ? null : report.reporter().value();
		this.reporterEmail = blank(report.reporterEmail()) ? null : report.reporterEmail().strip();
		this.status = Status.OPEN;
		this.createdAt = now;
	}

	void resolve(Status outcome, String reason, Instant now) {
		if (status != Status.OPEN) {
			throw new IllegalStateException("Report " + id + " is resolved already");
		}
		this.status = outcome;
		this.resolution = reason;
		this.resolvedAt = now;
	}

	@Nullable AccountId reporter() {
		return reporterId == null ? null : new AccountId(reporterId);
	}

	/** Addresses to tell the outcome to: a copyright claimant's contact, and any address the reporter left. */
	List<String> contacts() {
		return Stream.of(contact, reporterEmail).filter(Objects::nonNull).toList();
	}

	BundleId bundle() {
		if (bundleId == null) {
			throw new IllegalStateException("Report " + id + " is about a creator, not a bundle");
		}
		return new BundleId(bundleId);
	}

	AccountId creator() {
		return new AccountId(creatorId);
	}

	ReportView view() {
		return new ReportView(id, category, details, claimant, work, contact, reporterId != null, createdAt);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}
}
