package io.reelgate.torrents;

import java.util.Optional;
import java.util.UUID;

import io.reelgate.library.DownloadLinks;
import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Component;

/**
 * A buyer's tracker passkey ({@code {account}.{signature}}) and web-seed token
 * ({@code {account}.{torrent}.{signature}}), each one URL path segment, signed with the download links' secret
 * under purposes of their own. Neither expires: whether the account may still have the bundle is asked on every
 * announce and every web-seed request, so a refund ends both.
 */
@Component
class TorrentKeys {

	private static final String PASSKEY = "reelgate-torrent-passkey-v1";

	private static final String WEB_SEED = "reelgate-torrent-web-seed-v1";

	private final DownloadLinks links;

	TorrentKeys(DownloadLinks links) {
		this.links = links;
	}

	String passkey(AccountId account) {
		String subject = account.value().toString();
		return subject + "." + links.signature(PASSKEY, subject);
	}

	Optional<AccountId> verifyPasskey(String passkey) {
		String[] parts = passkey.split("\\.", -1);
		if (parts.length != 2 || !canonical(parts[0])) {
			return Optional.empty();
		}
		return links.signed(PASSKEY, parts[0], parts[1]) ? Optional.of(new AccountId(UUID.fromString(parts[0])))
				: Optional.empty();
	}

	String webSeedToken(AccountId account, UUID torrent) {
		String subject = account.value() + "." + torrent;
		return subject + "." + links.signature(WEB_SEED, subject);
	}

	Optional<WebSeedGrant> verifyWebSeedToken(String token) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || !canonical(parts[0]) || !canonical(parts[1])) {
			return Optional.empty();
		}
		return links.signed(WEB_SEED, parts[0] + "." + parts[1], parts[2])
				? Optional.of(new WebSeedGrant(new AccountId(UUID.fromString(parts[0])), UUID.fromString(parts[1])))
				: Optional.empty();
	}

	/** UUID.fromString accepts non-canonical forms; only the exact text that was signed may pass. */
	private static boolean canonical(String uuid) {
		try {
			return UUID.fromString(uuid).toString().equals(uuid);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A genuine web-seed token: whose, for which torrent. */
	record WebSeedGrant(AccountId account, UUID torrent) {
	}
}
