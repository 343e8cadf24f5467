package io.reelgate.studio;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.library.ScreenerView;
import io.reelgate.library.Screeners;
import io.reelgate.library.Screeners.IssuedCode;
import io.reelgate.library.Screeners.NewScreeners;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.Confirmation.Line;
import io.reelgate.shared.CsvTable;
import io.reelgate.shared.RedirectOnRefusal;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A bundle's screener and press codes: the list (labels, kinds, states, revoke) and a form that makes a batch and
 * answers with its CSV file, the only place the codes themselves ever appear. A batch refused (count, label,
 * expiry) goes back to the list with the reason; no code was made.
 */
@Controller
class ScreenersController {

	static final String VIEW = "studio/screeners";

	private final Screeners screeners;

	private final Catalog catalog;

	ScreenersController(Screeners screeners, Catalog catalog) {
		this.screeners = screeners;
		this.catalog = catalog;
	}

	@GetMapping("/studio/bundles/{id}/screeners")
	String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Model model) {
		model.addAttribute("bundle", catalog.editable(me.accountId(), id).summary());
		model.addAttribute("codes", screeners.codesOf(me.accountId(), id));
		model.addAttribute("maxBatch", Screeners.MAX_BATCH);
		return VIEW;
	}

	/**
	 * @param validUntil the last day (UTC) the codes work, or blank for no expiry
	 * @param access {@code STREAM} for stream-only codes, anything else for codes that download
	 */
	@PostMapping("/studio/bundles/{id}/screeners")
	@RedirectOnRefusal("/studio/bundles/{id}/screeners")
	ResponseEntity<String> generate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "0") int count, @RequestParam(required = false) @Nullable String label,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
			@RequestParam(defaultValue = "DOWNLOAD") String access) {
		List<IssuedCode> issued = screeners.generate(me.accountId(), id, new NewScreeners(count, label,
				validUntil == null ? null : validUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				"STREAM".equals(access)));
		CsvTable csv = new CsvTable().row(List.of("code", "label", "access", "valid_until"));
		for (IssuedCode code : issued) {
			csv.row(Arrays.asList(Screeners.grouped(code.code()), code.label(),
					code.streamOnly() ? "stream" : "download",
					code.expiresAt() == null ? null : code.expiresAt().toString()));
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"screener-codes.csv\"")
			.cacheControl(CacheControl.noStore())
			.body(csv.toString());
	}

	/** Whether revoking takes the bundle from someone (a used code) or only stops it being redeemed. */
	@GetMapping("/studio/screeners/{codeId}/revoke")
	String confirmRevoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID codeId, Model model,
			Locale locale) {
		ScreenerView code = screeners.code(me.accountId(), codeId);
		String title = catalog.editable(me.accountId(), code.bundle()).summary().title();
		Line consequence = code.revoked() ? Line.of("screener.confirm.already")
				: code.redeemed() ? Line.of("screener.confirm.redeemed", title, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
					.format(code.redeemedAt().atZone(ZoneOffset.UTC)))
						: Line.of("screener.confirm.unused");
		model.addAttribute("confirmation", Confirmation.of(code.label() == null ? Line.of("screener.confirm.heading", title)
				: Line.of("screener.confirm.heading.labelled", title, code.label()),
				List.of(consequence), "/studio/screeners/" + codeId + "/revoke",
				"/studio/bundles/" + code.bundle() + "/screeners", Line.of("screener.confirm.submit"),
				Line.of("confirm.cancel")));
		return Confirmation.VIEW;
	}

	/** Only from the confirmation page. */
	@PostMapping("/studio/screeners/{codeId}/revoke")
	String revoke(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID codeId,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/studio/screeners/" + codeId + "/revoke");
		}
		BundleId bundle = screeners.revoke(me.accountId(), codeId);
		redirect.addFlashAttribute("success", "screener.revoked");
		return "redirect:/studio/bundles/" + bundle + "/screeners";
	}
}
