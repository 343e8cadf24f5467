package io.reelgate.moderation;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append-only: the repository offers no update or delete. */
interface AuditLog extends Repository<AuditEntry, UUID> {

	AuditEntry save(AuditEntry entry);

	Page<AuditEntry> findAllByOrderByOccurredAtDesc(Pageable pageable);
}
