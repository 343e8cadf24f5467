package io.reelgate.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.reelgate.analytics.AnalyticsEvents.Event;
import io.reelgate.analytics.AnalyticsEvents.Kind;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the studio's analytics count, cheaply enough for the request path: one insert that a unique key
 * turns into a no-op for a repeat. A page view or a stream counts once per visitor, bundle (or file) and UTC day;
 * robots, prefetches, HEAD requests and the creator's own visits are not counted. Checkout's orders are recorded by
 * {@link OrderAnalytics}; other gates call {@link #unlocked}.
 */
@Service
@Transactional
public class Analytics {

	private final AnalyticsEvents events;

	private final VisitorKeys keys;

	private final Clock clock;

	Analytics(AnalyticsEvents events, VisitorKeys keys, Clock clock) {
		this.events = events;
		this.keys = keys;
		this.clock = clock;
	}

	/** @return whether this counted as a new view */
	public boolean pageViewed(BundleId bundle, AccountId creator, Visit visit) {
		if (!visit.isCountable() || creator.equals(visit.viewer())) {
			return false;
		}
		Instant now = clock.instant();
		String key = keys.key(LocalDate.ofInstant(now, ZoneOffset.UTC), "view:" + bundle, visit.visitorIdentity());
		return events.append(Event.counted(Kind.VIEW, bundle, creator, now, key, visit.referrer()));
	}

	/**
	 * The buy card shown on another site ({@code /embed/bundles/{id}}), counted like a page view (once per visitor,
	 * bundle and day) but apart from the bundle page's views, with the embedding page's host as its referrer.
	 *
	 * @return whether this counted as a new embed view
	 */
	public boolean embedViewed(BundleId bundle, AccountId creator, Visit visit) {
		if (!visit.isCountable() || creator.equals(visit.viewer())) {
			return false;
		}
		Instant now = clock.instant();
		String key = keys.key(LocalDate.ofInstant(now, ZoneOffset.UTC), "embed:" + bundle, visit.visitorIdentity());
		return events.append(Event.counted(Kind.EMBED, bundle, creator, now, key, visit.referrer()));
	}

	/** A free preview's media request; counts when it starts playback. @return whether this counted as a stream */
	public boolean previewPlayed(BundleId bundle, BundleFileId file, AccountId creator, Visit visit) {
		if (!visit.isCountable() || !visit.startsPlayback() || creator.equals(visit.viewer())) {
			return false;
		}
		Instant now = clock.instant();
		String key = keys.key(LocalDate.ofInstant(now, ZoneOffset.UTC), "stream:" + file, visit.visitorIdentity());
		return events.append(Event.counted(Kind.STREAM, bundle, creator, now, key, null));
	}

	/**
	 * Someone got the locked part of a bundle through a gate that moved no money (an email confirmed, a free claim,
	 * a gift claimed). Recording the same {@code reference} (the gate's own id for this unlock) again changes nothing,
	 * so a listener may be retried.
	 */
	public void unlocked(BundleId bundle, AccountId creator, UnlockKind kind, String reference, Instant at) {
		events.append(new Event(Kind.UNLOCK, bundle, creator, at, "unlock:" + kind + ":" + reference, kind.name(),
				null, null, 0, 0, 1));
	}
}
