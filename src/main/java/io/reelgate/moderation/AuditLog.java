package io.reelgate.moderation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Append-only: the repository offers no update or delete. {@link AuditSearch} reads it with filters. */
interface AuditLog extends Repository<AuditEntry, UUID> {

	AuditEntry save(AuditEntry entry);

	Optional<AuditEntry> findById(UUID id);

	/** Actions of the given kinds against any of the targets (a creator's account and bundles), newest first. */
	List<AuditEntry> findByTargetIdInAndActionInOrderByOccurredAtDesc(Collection<UUID> targetIds,
			Collection<String> actions);
}
