package io.reelgate.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces releases that have come with {@link BundleReleased}, once each. Access does not wait for this job (the
 * download policy compares the release with the clock); only the "it's out" mails do. The lock keeps instances from
 * running it together, and the conditional update of {@code release_announced_at} keeps a release from being
 * announced twice even if two runs overlap (a lock that outlived its {@code lockAtMostFor}, a manual run). The lock
 * is held at most five minutes, so an instance that dies mid-run delays announcements by minutes, not the default 15.
 */
@Component
class BundleReleases {

	private static final int BATCH = 200;

	private final Bundles bundles;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BundleReleases(Bundles bundles, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.bundles = bundles;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "30s", fixedDelayString = "1m")
	@SchedulerLock(name = "bundle-releases", lockAtMostFor = "PT5M")
	void run() {
		announceDue();
	}

	/** Announces every release due now, up to one batch; returns how many this call announced. */
	int announceDue() {
		Instant now = clock.instant();
		int announced = 0;
		for (UUID id : bundles.findReleasesDue(now, BATCH)) {
			Boolean mine = transactions.execute(status -> {
				if (bundles.markReleaseAnnounced(id, now) == 0) {
					return false;
				}
				// Published in the marker's transaction: the registry keeps the event if the mails fail.
				String title = CatalogService.find(bundles, id).summary().title();
				events.publishEvent(new BundleReleased(new BundleId(id), title));
				return true;
			});
			if (Boolean.TRUE.equals(mine)) {
				announced++;
			}
		}
		return announced;
	}
}
