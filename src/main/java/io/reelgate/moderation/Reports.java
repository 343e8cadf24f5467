package io.reelgate.moderation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Reports extends JpaRepository<Report, UUID> {

	@Modifying
	@Query("update Report r set r.reporterId = null where r.reporterId = :reporter")
	int forgetReporter(UUID reporter);

	@Query("""
			select r from Report r where r.status = io.reelgate.moderation.Report.Status.OPEN and r.bundleId is not null
			order by r.createdAt, r.id""")
	List<Report> findOpenAboutBundles();

	@Query("""
			select r from Report r where r.status = io.reelgate.moderation.Report.Status.OPEN and r.bundleId is null
			order by r.createdAt, r.id""")
	List<Report> findOpenAboutCreators();

	@Query("""
			select r from Report r where r.status = io.reelgate.moderation.Report.Status.OPEN and r.bundleId is null
			and r.creatorId = :creatorId order by r.createdAt, r.id""")
	List<Report> findOpenAboutCreator(UUID creatorId);

	@Query("""
			select r from Report r where r.status = io.reelgate.moderation.Report.Status.OPEN and r.bundleId = :bundleId
			order by r.createdAt, r.id""")
	List<Report> findOpenByBundleId(UUID bundleId);
}
