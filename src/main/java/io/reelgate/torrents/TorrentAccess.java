package io.reelgate.torrents;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.reelgate.accounts.AccountService;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an account may take a bundle by BitTorrent now: the platform switch is on, the creator has not turned it
 * off for the bundle, the account is not suspended, banned or deleted (passkeys and tokens work without signing in,
 * so this stands in for the login a suspended account loses), and the library's {@link DownloadPolicy} lets the
 * account have the whole bundle. Answers are
 * reused for {@code reelgate.torrents.access-cache} (a busy swarm asks for every announce and every peer in it); the
 * cache is only this instance's shortcut, never state another instance needs.
 */
@Component
class TorrentAccess {

	private static final int MAX_CACHED = 100_000;

	private final DownloadPolicy policy;

	private final AccountService accounts;

	private final JdbcClient jdbc;

	private final TorrentProperties properties;

	private final Clock clock;

	private final Map<Key, Answer> cache = new ConcurrentHashMap<>();

	TorrentAccess(DownloadPolicy policy, AccountService accounts, JdbcClient jdbc, TorrentProperties properties,
			Clock clock) {
		this.policy = policy;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	private record Key(AccountId account, BundleId bundle) {
	}

	private record Answer(boolean allowed, Instant until) {
	}

	boolean enabled() {
		return properties.enabled();
	}

	/** Whether the bundle offers BitTorrent at all (platform and creator switches). */
	boolean offered(BundleId bundle) {
		return properties.enabled() && !disabledByCreator(bundle);
	}

	/** Whether the creator turned BitTorrent off for the bundle ({@link TorrentSwitches}). */
	boolean disabledByCreator(BundleId bundle) {
		return jdbc.sql("select exists (select 1 from torrent_disabled_bundles where bundle_id = ?)")
			.param(bundle.value())
			.query(Boolean.class)
			.single();
	}

	/**
	 * When an answer expires, the first request to see it asks again while the others keep the old answer until
	 * the new one is in: a busy swarm's announces all look at the same few answers at once, and each asking again
	 * (a few queries) made the tracker's answers wait in a burst every {@code access-cache}.
	 */
	boolean allowed(AccountId account, BundleId bundle) {
		if (!properties.enabled()) {
			return false;
		}
		Instant now = clock.instant();
		Key key = new Key(account, bundle);
		Answer cached = cache.get(key);
		if (cached != null && now.isBefore(cached.until())) {
			return cached.allowed();
		}
		Instant until = now.plus(properties.accessCache());
		if (cached != null && until.isAfter(now) && !cache.replace(key, cached, new Answer(cached.allowed(), until))) {
			return cache.getOrDefault(key, cached).allowed();
		}
		boolean allowed = offered(bundle) && accounts.isActive(account) && policy.mayDownloadWhole(account, bundle);
		if (cache.size() >= MAX_CACHED) {
			cache.clear();
		}
		cache.put(key, new Answer(allowed, until));
		return allowed;
	}
}
