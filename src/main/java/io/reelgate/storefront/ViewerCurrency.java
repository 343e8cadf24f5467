package io.reelgate.storefront;

import java.time.Duration;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.reelgate.catalog.PriceRules;
import io.reelgate.shared.Money;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Which currency a bundle page shows prices in. The first of these the bundle has a price in: the one in the URL
 * ({@code ?currency=EUR}, which the page's selector sets and which is then remembered in a cookie), the remembered
 * one, the currency of the first country in {@code Accept-Language} ({@code de-DE} is EUR); else the bundle's main
 * currency. A page without {@code ?currency=} therefore depends on the cookie and {@code Accept-Language}, and says so
 * in {@code Vary}, so that no shared cache hands one viewer's currency to another.
 */
@Component
class ViewerCurrency {

	static final String PARAMETER = "currency";

	static final String COOKIE = "reelgate_currency";

	private static final Duration REMEMBERED = Duration.ofDays(365);

	private final PriceRules priceRules;

	ViewerCurrency(PriceRules priceRules) {
		this.priceRules = priceRules;
	}

	/**
	 * @param offered the currencies the bundle is priced in, the main one first (empty when it is not priced)
	 * @return the currency to show, or empty when the bundle has no price
	 */
	Optional<Currency> choose(List<Currency> offered, HttpServletRequest request, HttpServletResponse response) {
		enabled(request.getParameter(PARAMETER)).ifPresent(c -> remember(c, request, response));
		return shown(offered, request, response);
	}

	/**
	 * The same choice without remembering a {@code ?currency=} (no cookie set): for the embedded buy card, which
	 * sets no cookie on the creator's site.
	 */
	Optional<Currency> shown(List<Currency> offered, HttpServletRequest request, HttpServletResponse response) {
		Optional<Currency> asked = enabled(request.getParameter(PARAMETER));
		if (offered.isEmpty()) {
			return Optional.empty();
		}
		if (asked.isEmpty() && offered.size() > 1) {
			response.addHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
		}
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		Stream<Currency> wishes = Stream.of(asked, enabled(cookie == null ? null : cookie.getValue()))
			.flatMap(Optional::stream);
		Stream<Currency> languages = Collections.list(request.getLocales()).stream()
			.map(ViewerCurrency::currencyOf)
			.flatMap(Optional::stream);
		return Optional.of(Stream.concat(wishes, languages).filter(offered::contains).findFirst().orElse(offered.get(0)));
	}

	/** A currency code the operator enables; anything else (unknown, malformed) is ignored. */
	private Optional<Currency> enabled(@Nullable String code) {
		if (code == null || !code.matches("[A-Za-z]{3}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Money.currencyOf(code)).filter(priceRules::accepts);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Currency> currencyOf(Locale locale) {
		if (locale.getCountry().length() != 2) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(Currency.getInstance(locale));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static void remember(Currency currency, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, currency.getCurrencyCode())
			.path("/")
			.maxAge(REMEMBERED)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
	}
}
