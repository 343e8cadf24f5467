package io.reelgate.privacy;

import java.time.Clock;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.library.Library;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Lets the signed-in person download their own data as JSON: their account, what they bought and what they
 * created. Only ever their own: the account comes from the session, never from the request.
 */
@Controller
class DataExportController {

	private final AccountService accounts;

	private final Library library;

	private final Catalog catalog;

	private final Clock clock;

	DataExportController(AccountService accounts, Library library, Catalog catalog, Clock clock) {
		this.accounts = accounts;
		this.library = library;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping(path = "/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<DataExport> export(@AuthenticationPrincipal AccountPrincipal me) {
		AccountView account = accounts.find(me.accountId()).orElseThrow();
		DataExport export = new DataExport(clock.instant(),
				new DataExport.Account(account.id().toString(), account.email(), account.displayName(),
						account.role().name(), account.status().name(), account.statusReason()),
				library.itemsOf(me.accountId()).stream()
					.map(item -> new DataExport.LibraryEntry(item.bundle().summary().id().toString(),
							item.bundle().summary().title(), item.bundle().summary().creatorName(), item.acquiredAt(),
							item.revokedReason()))
					.toList(),
				catalog.bundlesOf(me.accountId()).stream()
					.map(b -> new DataExport.Bundle(b.id().toString(), b.title(), b.summary(), b.status().name(),
							b.createdAt(), b.publishedAt(),
							catalog.purchased(List.of(b.id())).get(b.id()).files().stream()
								.map(FileView::name).toList()))
					.toList());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("reelgate-data.json").build().toString())
			.body(export);
	}
}
