package io.reelgate.torrents;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes peers that stopped announcing without saying so (most just vanish). Answers already leave them out;
 * this keeps the table small. One instance at a time (ShedLock).
 */
@Component
class PeerExpiryJob {

	private final Peers peers;

	private final TorrentProperties properties;

	private final Clock clock;

	PeerExpiryJob(Peers peers, TorrentProperties properties, Clock clock) {
		this.peers = peers;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "5m", fixedDelayString = "5m")
	@SchedulerLock(name = "torrent-peer-expiry")
	void run() {
		peers.expire(clock.instant().minus(properties.peerLifetime()));
	}
}
