package io.reelgate.torrents;

import java.nio.charset.StandardCharsets;

/** Builds announce query strings as clients do: raw bytes percent-encoded one by one. */
final class Announces {

	private Announces() {
	}

	static String bytes(byte[] raw) {
		StringBuilder out = new StringBuilder();
		for (byte b : raw) {
			out.append('%').append(String.format("%02X", b & 0xff));
		}
		return out.toString();
	}

	static String query(byte[] infoHash, String peerId, int port, long left) {
		return "info_hash=" + bytes(infoHash) + "&peer_id=" + bytes(peerId.getBytes(StandardCharsets.ISO_8859_1))
				+ "&port=" + port + "&uploaded=0&downloaded=0&left=" + left + "&compact=1&event=started";
	}
}
