package io.reelgate.torrents;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.reelgate.shared.AccountId;
import io.reelgate.torrents.Torrents.Torrent;

import org.springframework.stereotype.Component;

/**
 * A buyer's own {@code .torrent}: the shared info dictionary verbatim (so every buyer has the same info-hash and
 * joins one swarm) with keys of their own outside it: {@code announce} and {@code announce-list} with their passkey
 * in the path, and {@code url-list} (BEP 19) with their web-seed token in a path segment, ending in "/" so that
 * clients append {@code name/path}. Never a query string (clients append to the URL), never {@code httpseeds}.
 */
@Component
class Metainfo {

	private final TorrentKeys keys;

	private final Clock clock;

	Metainfo(TorrentKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** @param siteUrl this site's address without a trailing slash, e.g. {@code https://films.example.com} */
	byte[] personal(Torrent torrent, AccountId account, String siteUrl) {
		String announce = announceUrl(account, siteUrl);
		return Bencode.encode(Map.of("announce", announce, "announce-list", List.of(List.of(announce)),
				"comment", "Reelgate", "created by", "Reelgate", "creation date", clock.instant().getEpochSecond(),
				"info", new Bencode.Raw(torrent.info()), "url-list",
				List.of(siteUrl + "/ws/" + keys.webSeedToken(account, torrent.id()) + "/")));
	}

	String announceUrl(AccountId account, String siteUrl) {
		return siteUrl + "/tracker/" + keys.passkey(account) + "/announce";
	}
}
