package io.reelgate.library.web;

import java.io.IOException;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLog;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.shared.BundleFileId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Streams a file to someone allowed to have it, resumably (HTTP ranges), never buffering it. */
@Controller
class DownloadController {

	private final DownloadPolicy policy;

	private final BlobSender sender;

	private final DownloadLog log;

	DownloadController(DownloadPolicy policy, BlobSender sender, DownloadLog log) {
		this.policy = policy;
		this.sender = sender;
		this.log = log;
	}

	/** Spring MVC maps HEAD to GET handlers; {@link BlobDownload} then sends headers only. */
	@GetMapping("/downloads/{fileId}")
	void download(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleFileId fileId,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		FileView file = policy.authorize(me, fileId);
		BlobDownload download = new BlobDownload(file.storageKey(), file.size(), file.sha256(), file.createdAt(),
				file.contentType(), file.name(), true, "private, no-transform");
		if ("GET".equals(request.getMethod())) {
			log.record(me.accountId(), file, null, request.getRemoteAddr(),
					request.getHeader(HttpHeaders.RANGE) != null, download.bytesToSend(request));
		}
		sender.send(download, request, response);
	}
}
