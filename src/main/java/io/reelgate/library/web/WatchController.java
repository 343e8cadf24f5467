package io.reelgate.library.web;

import java.time.Duration;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.library.WatchPositions;
import io.reelgate.media.HlsStreams;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The player page of one video or audio file, for everyone who may watch it: the bundle's creator, its buyers and
 * renters (whose first play of a locked file starts the rental's window, as the progressive stream does), and anyone
 * for an unlocked file of a bundle they may see. It plays the HLS package through a signed path once it is ready,
 * and the original file progressively until then.
 */
@Controller
class WatchController {

	static final String VIEW = "library/watch";

	private final DownloadPolicy policy;

	private final DownloadLinks links;

	private final Catalog catalog;

	private final HlsStreams streams;

	private final WatchPositions positions;

	private final CaptionTracks captions;

	/** A caption file as the progressive player's {@code <track>}; hls.js reads the same from the master playlist. */
	record Track(String src, String language, String label) {
	}

	WatchController(DownloadPolicy policy, DownloadLinks links, Catalog catalog, HlsStreams streams,
			WatchPositions positions, CaptionTracks captions) {
		this.captions = captions;
		this.policy = policy;
		this.links = links;
		this.catalog = catalog;
		this.streams = streams;
		this.positions = positions;
	}

	@GetMapping("/watch/{fileId}")
	String watch(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleFileId fileId,
			Model model) {
		FileView file = me == null ? null : entitled(me, fileId);
		boolean preview = file == null;
		if (preview) {
			file = unlocked(me, fileId);
		}
		BundleId bundleId = file.bundleId();
		// The signed directory of the stream and of the caption files; an admin's would give no more than anyone's.
		String signed = preview ? links.previewWatchPathFor(file.id(), bundleId)
				: me.isAdmin() && !ownerOf(file, me) ? null : links.watchPathFor(file.id(), me.accountId());
		String hls = signed == null || !streams.ready(file.id()) ? null : signed + "master.m3u8";
		List<Track> tracks = signed == null ? List.of()
				: captions.of(file.id()).stream()
					.map(c -> new Track(signed + "s-" + c.id() + ".vtt", c.language(), c.label()))
					.toList();
		String progressive = preview ? "/bundles/" + bundleId + "/previews/" + file.id() : "/stream/" + file.id();
		BundleDetails bundle = catalog.purchased(List.of(bundleId)).get(bundleId);
		List<FileView> others = bundle.files()
			.stream()
			.filter(FileView::playable)
			.filter(f -> !preview || f.unlocked())
			.filter(f -> !f.id().equals(fileId))
			.toList();
		model.addAttribute("bundle", bundle.summary());
		model.addAttribute("file", file);
		model.addAttribute("hlsUrl", hls);
		model.addAttribute("progressiveUrl", progressive);
		model.addAttribute("others", others);
		model.addAttribute("tracks", tracks);
		// Positions are kept for those who may watch the whole file, never for a preview's viewers.
		model.addAttribute("positionUrl", preview ? null : "/watch/" + file.id() + "/position");
		// A preview's play is counted in the creator's analytics (storefront) once it starts.
		model.addAttribute("playedUrl", preview ? "/bundles/" + bundleId + "/previews/" + file.id() + "/played" : null);
		Duration resume = preview ? null : positions.resumeAt(me.accountId(), file.id()).orElse(null);
		model.addAttribute("resumeSeconds", resume == null ? null : resume.toMillis() / 1000.0);
		model.addAttribute("resumeText", resume == null ? null : clockText(resume));
		return VIEW;
	}

	/** The file if this account may stream it; null if only a preview could be, for anyone. */
	private @Nullable FileView entitled(AccountPrincipal me, BundleFileId fileId) {
		try {
			return policy.authorizeStream(me, fileId);
		}
		catch (BundleNotFoundException ex) {
			return null;
		}
	}

	private FileView unlocked(@Nullable AccountPrincipal me, BundleFileId fileId) {
		Catalog.OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		Catalog.Viewer viewer = me == null ? Catalog.Viewer.ANONYMOUS : new Catalog.Viewer(me.accountId(), me.isAdmin());
		FileView file = catalog.unlockedFile(owned.file().bundleId(), fileId, viewer);
		if (!file.playable()) {
			throw new BundleNotFoundException();
		}
		return file;
	}

	/** {@code 1:02:05}, or {@code 12:04} under an hour, as the player's own clock shows it. */
	static String clockText(Duration position) {
		long seconds = position.toSeconds();
		return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60)
				: "%d:%02d".formatted(seconds / 60, seconds % 60);
	}

	private boolean ownerOf(FileView file, AccountPrincipal me) {
		return catalog.file(file.id()).map(owned -> owned.owner().equals(me.accountId())).orElse(false);
	}
}
