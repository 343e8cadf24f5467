package io.reelgate.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleCaptions;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogException;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.Confirmation.Line;
import io.reelgate.shared.RedirectOnRefusal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bundle editor's files (uploads, removal, unlocking, quality ladder, captions) and its cover. */
@Controller
@RequestMapping("/studio/bundles/{id}")
@RedirectOnRefusal("/studio/bundles/{id}")
class StudioBundleFilesController {

	private final BundleMedia media;

	private final CatalogService catalogService;

	private final Catalog catalog;

	private final BundleCaptions captions;

	private final CaptionTracks captionTracks;

	StudioBundleFilesController(BundleMedia media, CatalogService catalogService, Catalog catalog,
			BundleCaptions captions, CaptionTracks captionTracks) {
		this.media = media;
		this.catalogService = catalogService;
		this.catalog = catalog;
		this.captions = captions;
		this.captionTracks = captionTracks;
	}

	@PostMapping("/files")
	String upload(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		stream(file, content -> media.addFile(me.accountId(), id, file.getOriginalFilename(), content));
		redirect.addFlashAttribute("success", "upload.done");
		return BundleEditorPage.redirectTo(id);
	}

	/** Files come off only before the first publication, so nobody has them yet; the upload itself is lost. */
	@GetMapping("/files/{fileId}/delete")
	String confirmRemoveFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, Model model) {
		BundleDetails bundle = catalog.editable(me.accountId(), id);
		FileView file = bundle.files().stream().filter(f -> f.id().equals(fileId)).findFirst()
			.orElseThrow(BundleNotFoundException::new);
		int tracks = captionTracks.of(fileId).size();
		String path = "/studio/bundles/" + id + "/files/" + fileId + "/delete";
		model.addAttribute("confirmation", Confirmation.of(Line.of("files.confirm.heading", file.name()),
				List.of(Line.of("files.confirm.final", file.name(), bundle.summary().title()),
						Line.of("files.confirm.captions", tracks)),
				path, "/studio/bundles/" + id, Line.of("files.confirm.submit"), Line.of("confirm.cancel")));
		return Confirmation.VIEW;
	}

	/** Only from the confirmation page. */
	@PostMapping("/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/studio/bundles/" + id + "/files/" + fileId + "/delete");
		}
		media.removeFile(me.accountId(), id, fileId);
		redirect.addFlashAttribute("success", "file.removed");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/files/{fileId}/unlocked")
	String unlockFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId,
			@RequestParam(name = "unlocked", defaultValue = "false") boolean unlocked, RedirectAttributes redirect) {
		catalogService.unlockFile(me.accountId(), id, fileId, unlocked);
		redirect.addFlashAttribute("success", unlocked ? "file.unlocked.on" : "file.unlocked.off");
		return BundleEditorPage.redirectTo(id);
	}

	/** Lower qualities of an H.264 video for slow connections, beside its own picture, or the original alone. */
	@PostMapping("/files/{fileId}/ladder")
	String chooseLadder(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @RequestParam(name = "ladder", defaultValue = "false") boolean ladder,
			RedirectAttributes redirect) {
		catalogService.chooseLadder(me.accountId(), id, fileId, ladder);
		redirect.addFlashAttribute("success", ladder ? "file.ladder.on" : "file.ladder.off");
		return BundleEditorPage.redirectTo(id);
	}

	/** A WebVTT or SRT file for one video; a file the parser refuses comes back as a message naming the line. */
	@PostMapping("/files/{fileId}/captions")
	String addCaptions(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @RequestParam("captions") MultipartFile file,
			@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String label,
			RedirectAttributes redirect) throws IOException {
		try (InputStream content = file.getInputStream()) {
			captions.add(me.accountId(), id, fileId, language, label, content);
		}
		redirect.addFlashAttribute("success", "caption.added");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/files/{fileId}/captions/{captionId}/delete")
	String removeCaptions(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @PathVariable UUID captionId, RedirectAttributes redirect) {
		captions.remove(me.accountId(), id, fileId, captionId);
		redirect.addFlashAttribute("success", "caption.removed");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/cover")
	String changeCover(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam("cover") MultipartFile cover, RedirectAttributes redirect) throws IOException {
		stream(cover, content -> media.changeCover(me.accountId(), id, content));
		redirect.addFlashAttribute("success", "cover.saved");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/files/{fileId}/poster")
	String usePosterAsCover(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, RedirectAttributes redirect) {
		media.usePosterAsCover(me.accountId(), id, fileId);
		redirect.addFlashAttribute("success", "cover.fromPoster.saved");
		return BundleEditorPage.redirectTo(id);
	}

	/** Hands an uploaded part's bytes to storage as a stream; the container has spooled it to disk, not memory. */
	private static void stream(MultipartFile part, ContentSink sink) throws IOException {
		if (part.isEmpty()) {
			throw new CatalogException("upload.empty");
		}
		try (InputStream content = part.getInputStream()) {
			sink.accept(content);
		}
	}

	@FunctionalInterface
	private interface ContentSink {

		void accept(InputStream content) throws IOException;
	}
}
