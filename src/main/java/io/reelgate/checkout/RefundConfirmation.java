package io.reelgate.checkout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.reelgate.shared.Confirmation;
import io.reelgate.shared.Confirmation.Line;

/**
 * The confirmation page of a refund, the same for an admin and for the creator who sold it: how much goes back, for
 * which bundle and which purchase, and that the buyer loses it (a rental stops streaming, a purchase its downloads).
 */
public final class RefundConfirmation {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	private RefundConfirmation() {
	}

	/** For {@code order} (which {@link Refunds#refundable} returned) of the bundle called {@code title}. */
	public static Confirmation of(OrderView order, String title, String action, String back, Locale locale) {
		String amount = order.gross() != null ? order.gross().display(locale) : order.amount().display(locale);
		String day = DAY.withLocale(locale).format(order.createdAt().atZone(ZoneOffset.UTC));
		return Confirmation.of(Line.of("refund.confirm.heading", amount, title),
				List.of(Line.of("refund.confirm.final", amount, title, day),
						Line.of(order.rental() ? "refund.confirm.rental" : "refund.confirm.purchase")),
				action, back, Line.of("refund.confirm.submit", amount), Line.of("confirm.cancel"));
	}
}
