package io.reelgate.moderation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Appeals extends JpaRepository<Appeal, UUID> {

	List<Appeal> findByAuditEntryIdIn(Collection<UUID> auditEntryIds);

	boolean existsByAuditEntryId(UUID auditEntryId);

	@Query("select a from Appeal a where a.status = io.reelgate.moderation.Appeal.Status.OPEN order by a.createdAt, a.id")
	List<Appeal> findOpen();
}
