/**
 * BitTorrent delivery of whole bundles to the accounts that may download them (docs/bittorrent.md): v1 private
 * torrents with BEP 47 pad files, per-file piece hashes computed in the background, a per-buyer {@code .torrent}
 * (passkey and web-seed token in URL paths), an HTTP web seed (BEP 19) and a tracker (BEP 3, 23) in the app.
 * Who may have the files is asked of the library's {@code DownloadPolicy} on every announce and web-seed request.
 * Its public types: {@link io.reelgate.torrents.TorrentOffers}, which the library's page asks whether to offer a
 * torrent; {@link io.reelgate.torrents.TorrentStudio} (with {@link io.reelgate.torrents.Transfer}), the studio
 * editor's BitTorrent section; and {@link io.reelgate.torrents.UploadedPieceHashes}, where the uploads module leaves
 * the piece hashes it computed as a file arrived.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "library", "storage" })
package io.reelgate.torrents;

import org.springframework.modulith.ApplicationModule;
