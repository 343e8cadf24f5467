package io.reelgate.storefront;

import java.util.Optional;
import java.util.Currency;

import io.reelgate.analytics.Analytics;
import io.reelgate.analytics.Visit;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.web.CountedVisits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A bundle's buy card for the creator's own website, which any site may frame (web's {@code EmbedSecurity}): cover,
 * title, creator, price in the viewer's currency and a Buy link that opens the bundle page at the top level, since
 * Stripe Checkout refuses to be framed. Only public bundles have one. It is the same card for everyone (the embed's
 * security chain reads no session), so shared caches may keep it like the public pages.
 */
@Controller
class EmbedController {

	static final String VIEW = "storefront/embed";

	private final Catalog catalog;

	private final ViewerCurrency currencies;

	private final Analytics analytics;

	EmbedController(Catalog catalog, ViewerCurrency currencies, Analytics analytics) {
		this.catalog = catalog;
		this.currencies = currencies;
		this.analytics = analytics;
	}

	@GetMapping("/embed/bundles/{id}")
	String card(@PathVariable BundleId id, HttpServletRequest request, HttpServletResponse response, Model model) {
		BundleDetails bundle = catalog.bundle(id, Viewer.ANONYMOUS);
		if (!bundle.summary().isPublic()) {
			throw new BundleNotFoundException();
		}
		// A ?currency= in the frame's URL picks the currency without a cookie: the card sets none on another site.
		Optional<Currency> shown = currencies.shown(bundle.currencies(), request, response);
		if (shown.isPresent() && !shown.get().equals(bundle.currencies().get(0))) {
			bundle = catalog.bundle(id, Viewer.ANONYMOUS, shown.get());
		}
		AccountId creator = bundle.summary().creatorId();
		CountedVisits.count(request, visit -> analytics.embedViewed(id, creator, Visit.ofEmbed(visit, null)));
		model.addAttribute("bundle", bundle);
		model.addAttribute("currency", shown.map(Currency::getCurrencyCode).orElse(null));
		return VIEW;
	}
}
