package io.reelgate.api.web;

import io.reelgate.catalog.BundleText;
import io.reelgate.catalog.Gate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What API clients send. Only words and choices: owner, status and files are never taken from a request, and
 * prices are checked by the catalog's price rules, as in the studio.
 */
final class ApiRequests {

	private ApiRequests() {
	}

	/** A bundle's words; the same limits as the studio's form. */
	record BundleRequest(
			@NotBlank(message = "{bundle.title.required}") @Size(max = BundleText.TITLE_MAX,
					message = "{bundle.title.size}") String title,
			@NotBlank(message = "{bundle.summary.required}") @Size(max = BundleText.SUMMARY_MAX,
					message = "{bundle.summary.size}") String summary,
			@Size(max = BundleText.DESCRIPTION_MAX, message = "{bundle.description.size}") String description) {

		BundleText toText() {
			return new BundleText(title, summary, description == null ? "" : description);
		}
	}

	/**
	 * {@code FREE}; {@code EMAIL}; {@code PAID} with an amount as text (e.g. {@code "9.99"}) and a currency code; or
	 * {@code PWYW} with the minimum as {@code amount} (may be {@code "0"}), a {@code suggested} price and a currency.
	 */
	record GateRequest(@NotNull(message = "{gate.required}") Gate gate, String amount, String suggested,
			String currency) {
	}

	/** A file about to be uploaded over tus: its name and exact size in bytes. */
	record UploadRequest(@NotBlank(message = "{api.upload.filename.required}") @Size(max = 200,
			message = "{api.upload.filename.size}") String filename,
			@NotNull(message = "{api.upload.length.required}") @Positive(message = "{api.upload.length.required}") Long length) {
	}
}
