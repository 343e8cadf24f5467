package io.reelgate.catalog.web;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record BundleForm(
		@NotBlank(message = "{bundle.title.required}") @Size(max = BundleText.TITLE_MAX, message = "{bundle.title.size}") String title,
		@NotBlank(message = "{bundle.summary.required}") @Size(max = BundleText.SUMMARY_MAX, message = "{bundle.summary.size}") String summary,
		@Size(max = BundleText.DESCRIPTION_MAX, message = "{bundle.description.size}") String description) {

	static BundleForm empty() {
		return new BundleForm("", "", "");
	}

	static BundleForm of(BundleDetails bundle) {
		return new BundleForm(bundle.summary().title(), bundle.summary().summary(), bundle.description());
	}

	BundleText toText() {
		return new BundleText(title, summary, description == null ? "" : description);
	}
}
