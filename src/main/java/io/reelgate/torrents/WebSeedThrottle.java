package io.reelgate.torrents;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.reelgate.shared.AccountId;
import io.reelgate.torrents.Torrents.Torrent;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The web seed's rate limit: while a torrent's swarm has a fresh peer of another buyer, seeding or still
 * downloading (in the tracker's PostgreSQL peers, so every instance decides alike), each web-seed response is held
 * to {@code reelgate.torrents.web-seed-rate} bytes per second, so clients trade pieces with each other rather than
 * each fetching the whole file from the origin; a buyer alone in the swarm gets full speed, since nobody else can
 * send. Leechers count, not only seeders: buyers who start together on release day have nobody seeding, and without
 * the limit each would take most of the file from the web seed before any of them could give a piece. The answer is reused per torrent and account for
 * {@code access-cache}. Throttled bytes are written by the app (no sendfile); behind nginx the response asks nginx to
 * throttle instead ({@code X-Accel-Limit-Rate}).
 */
@Component
class WebSeedThrottle {

	static final String ACCEL_LIMIT_RATE = "X-Accel-Limit-Rate";

	private static final int MAX_CACHED = 100_000;

	private final Peers peers;

	private final TorrentProperties properties;

	private final Clock clock;

	private final Map<Key, Answer> cache = new ConcurrentHashMap<>();

	/** Bytes per second; a field rather than the properties' value so that a test can switch it and restore it. */
	private volatile long rate;

	WebSeedThrottle(Peers peers, TorrentProperties properties, Clock clock) {
		this.peers = peers;
		this.properties = properties;
		this.clock = clock;
		this.rate = properties.webSeedRate().toBytes();
	}

	private record Key(UUID torrent, AccountId account) {
	}

	private record Answer(boolean shared, Instant until) {
	}

	DataSize rate() {
		return DataSize.ofBytes(rate);
	}

	void rate(DataSize perSecond) {
		this.rate = perSecond.toBytes();
	}

	/** The rate for this account's web-seed response, or 0 for full speed. */
	long rateFor(Torrent torrent, AccountId account) {
		long limit = rate;
		if (limit == 0) {
			return 0;
		}
		Instant now = clock.instant();
		Key key = new Key(torrent.id(), account);
		Answer cached = cache.get(key);
		if (cached == null || !now.isBefore(cached.until())) {
			cached = new Answer(peers.hasPeerBesides(torrent.infoHash(), account,
					now.minus(properties.peerLifetime())), now.plus(properties.accessCache()));
			if (cache.size() >= MAX_CACHED) {
				cache.clear();
			}
			cache.put(key, cached);
		}
		return cached.shared() ? limit : 0;
	}

	/** The request as the sender sees it when throttled: without sendfile, which would bypass the throttle. */
	static HttpServletRequest withoutSendfile(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public Object getAttribute(String name) {
				return name.startsWith("org.apache.tomcat.sendfile.") ? null : super.getAttribute(name);
			}
		};
	}

	/** The response with its body held to {@code bytesPerSecond}; an nginx hand-over asks nginx for the same. */
	static HttpServletResponse throttled(HttpServletResponse response, long bytesPerSecond) {
		return new HttpServletResponseWrapper(response) {

			private ServletOutputStream out;

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, value);
				if ("X-Accel-Redirect".equalsIgnoreCase(name)) {
					super.setHeader(ACCEL_LIMIT_RATE, Long.toString(bytesPerSecond));
				}
			}

			@Override
			public ServletOutputStream getOutputStream() throws IOException {
				if (out == null) {
					out = new Throttled(super.getOutputStream(), bytesPerSecond);
				}
				return out;
			}
		};
	}

	/** Writes in slices of a tenth of a second's worth, sleeping whenever it is ahead of the rate. */
	private static final class Throttled extends ServletOutputStream {

		private final ServletOutputStream out;

		private final long bytesPerSecond;

		private final int slice;

		private final long started = System.nanoTime();

		private long written;

		Throttled(ServletOutputStream out, long bytesPerSecond) {
			this.out = out;
			this.bytesPerSecond = bytesPerSecond;
			this.slice = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 10));
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			while (len > 0) {
				int n = Math.min(len, slice);
				pace(n);
				out.write(b, off, n);
				written += n;
				off += n;
				len -= n;
			}
		}

		/** Sleeps until sending {@code next} more bytes keeps the average at the rate. */
		private void pace(int next) throws IOException {
			long due = started + (long) ((written + next) * 1e9 / bytesPerSecond) - TimeUnit.MILLISECONDS.toNanos(100);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while throttling a web-seed response", ex);
				}
			}
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public boolean isReady() {
			return out.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			out.setWriteListener(listener);
		}
	}
}
