package io.reelgate.api.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.web.ApiRequests.BundleRequest;
import io.reelgate.api.web.ApiRequests.GateRequest;
import io.reelgate.api.web.ApiRequests.UploadRequest;
import io.reelgate.api.web.ApiResources.Bundle;
import io.reelgate.api.web.ApiResources.Upload;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import io.reelgate.uploads.ResumableUploads;
import io.reelgate.uploads.UploadStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The creator's own bundles over the API. Every rule is the catalog's, as in the studio; another creator's bundle
 * is a 404 like one that does not exist. Scopes are checked by the API's security chain.
 */
@RestController
@RequestMapping(ApiBundlesController.PATH)
class ApiBundlesController {

	static final String PATH = "/api/v1/bundles";

	/** The tus endpoint of the uploads module, which takes the same bearer token. */
	static final String TUS_PATH = "/studio/uploads/";

	private final CatalogService catalogService;

	private final Catalog catalog;

	private final ResumableUploads uploads;

	ApiBundlesController(CatalogService catalogService, Catalog catalog, ResumableUploads uploads) {
		this.catalogService = catalogService;
		this.catalog = catalog;
		this.uploads = uploads;
	}

	@GetMapping
	@Operation(summary = "Your bundles, newest first. Scope: bundles:read.")
	List<Bundle> list(@AuthenticationPrincipal AccountPrincipal me) {
		return catalog.bundlesOf(me.accountId()).stream().map(Bundle::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of your bundles with its files. Scope: bundles:read.")
	Bundle get(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id) {
		return Bundle.of(catalog.editable(me.accountId(), id));
	}

	/** Creates a draft. */
	@PostMapping
	@Operation(summary = "Creates a draft bundle. Scope: bundles:write.")
	ResponseEntity<Bundle> create(@AuthenticationPrincipal AccountPrincipal me,
			@Valid @RequestBody BundleRequest request) {
		BundleId id = catalogService.create(me.accountId(), request.toText());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").build(id.value());
		return ResponseEntity.created(location).body(Bundle.of(catalog.editable(me.accountId(), id)));
	}

	/** Replaces the title, summary and description. */
	@PutMapping("/{id}")
	@Operation(summary = "Replaces title, summary and description. Scope: bundles:write.")
	Bundle describe(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @RequestBody BundleRequest request) {
		catalogService.describe(me.accountId(), id, request.toText());
		return Bundle.of(catalog.editable(me.accountId(), id));
	}

	@PutMapping("/{id}/gate")
	@Operation(summary = "Sets the gate: FREE, EMAIL, PAID (amount) or PWYW (amount is the minimum, suggested). Scope: bundles:write.")
	Bundle changeGate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @RequestBody GateRequest request) {
		switch (request.gate()) {
			case FREE -> catalogService.makeFree(me.accountId(), id);
			case EMAIL -> catalogService.requireEmail(me.accountId(), id);
			case PAID -> catalogService.charge(me.accountId(), id, request.amount(), request.currency());
			case PWYW -> catalogService.payWhatYouWant(me.accountId(), id, request.amount(), request.suggested(),
					request.currency());
		}
		return Bundle.of(catalog.editable(me.accountId(), id));
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publishes the bundle. Scope: bundles:write.")
	Bundle publish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id) {
		catalogService.publish(me.accountId(), id);
		return Bundle.of(catalog.editable(me.accountId(), id));
	}

	@PostMapping("/{id}/unpublish")
	@Operation(summary = "Takes the bundle back to draft. Scope: bundles:write.")
	Bundle unpublish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id) {
		catalogService.unpublish(me.accountId(), id);
		return Bundle.of(catalog.editable(me.accountId(), id));
	}

	/**
	 * Starts a resumable upload into the bundle, with the same checks as the studio's uploader (size, quota,
	 * number of files), and says where to send the bytes.
	 */
	@PostMapping("/{id}/uploads")
	@Operation(summary = "Starts a tus upload into the bundle; send the bytes to uploadUrl. Scope: uploads:write.")
	ResponseEntity<Upload> startUpload(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @RequestBody UploadRequest request) {
		catalog.editable(me.accountId(), id);
		UploadStatus status = uploads.create(me.accountId(), id, request.filename(), request.length());
		URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path(TUS_PATH + status.id()).build().toUri();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Tus-Resumable", "1.0.0");
		headers.put("Authorization", "Bearer <the same token>");
		headers.put("Content-Type", "application/offset+octet-stream");
		return ResponseEntity.created(url)
			.body(new Upload(status.id(), status.bundleId(), status.filename(), status.length(), status.offset(),
					status.expiresAt(), url.toString(), headers));
	}
}
