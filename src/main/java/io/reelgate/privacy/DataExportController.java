package io.reelgate.privacy;

import io.reelgate.accounts.AccountPrincipal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Lets the signed-in person download their own data as JSON ({@link DataExporter}). Only ever their own: the account
 * comes from the session, never from the request.
 */
@Controller
class DataExportController {

	private final DataExporter exporter;

	DataExportController(DataExporter exporter) {
		this.exporter = exporter;
	}

	@GetMapping(path = "/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<DataExport> export(@AuthenticationPrincipal AccountPrincipal me) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("reelgate-data.json").build().toString())
			.body(exporter.export(me.accountId()));
	}
}
