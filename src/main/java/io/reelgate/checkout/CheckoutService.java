package io.reelgate.checkout;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Gate;
import io.reelgate.catalog.RentalTerms;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns "Buy" into an order and a payment. Idempotent throughout: a buyer who clicks twice gets the same open
 * order (and the gateway the same idempotency key), and a buyer who already owns the bundle is never charged
 * again. The order is saved before the gateway is called, and the gateway is called outside any transaction.
 * {@link CheckoutTerms} checks what the buyer typed, {@link OpenOrders} opens the order and {@link GatewayCheckouts}
 * takes it to the gateway.
 */
@Service
public class CheckoutService {

	/** How long a checkout stays payable; an open order older than {@link OpenOrders#REUSE_WINDOW} is replaced. */
	static final Duration CHECKOUT_LIFETIME = Duration.ofHours(2);

	private final Orders orders;

	private final Catalog catalog;

	private final AccountService accounts;

	private final Sellers sellers;

	private final PaymentGateway gateway;

	private final TransactionTemplate transactions;

	private final CheckoutTerms checkedTerms;

	private final RentalsInProgress rentals;

	private final OpenOrders openOrders;

	private final GatewayCheckouts gatewayCheckouts;

	CheckoutService(Orders orders, Catalog catalog, AccountService accounts, Sellers sellers, OpenOrders openOrders,
			PaymentGateway gateway, TransactionTemplate transactions, CheckoutTerms checkedTerms, RentalsInProgress rentals,
			GatewayCheckouts gatewayCheckouts) {
		this.rentals = rentals;
		this.checkedTerms = checkedTerms;
		this.orders = orders;
		this.catalog = catalog;
		this.accounts = accounts;
		this.sellers = sellers;
		this.openOrders = openOrders;
		this.gateway = gateway;
		this.transactions = transactions;
		this.gatewayCheckouts = gatewayCheckouts;
	}

	/** The order summary's address, followed by the order id, for gateways that have no page of ours. */
	public static final String SUMMARY_PATH = "/checkout/orders/";

	/** What happens after the buyer pressed Buy or Get. */
	public sealed interface Outcome permits AlreadyOwned, Acquired, PayAt {
	}

	/** The buyer owns the bundle already; nothing was charged. */
	public record AlreadyOwned() implements Outcome {
	}

	/** A free bundle, now in the buyer's library. */
	public record Acquired() implements Outcome {
	}

	/** Send the buyer to this URL to pay. */
	public record PayAt(String url) implements Outcome {
	}

	/**
	 * What the buyer typed on the bundle page, checked here: the amount they chose for a pay-what-you-want bundle,
	 * a discount code, and the currency the page showed them the price in (blank: the bundle's main currency). Any
	 * may be blank; the price itself is always the server's, for that currency.
	 */
	public record Terms(@Nullable String amount, @Nullable String discountCode, @Nullable String currency) {

		public static final Terms NONE = new Terms(null, null, null);

		public Terms(@Nullable String amount, @Nullable String discountCode) {
			this(amount, discountCode, null);
		}

		boolean hasCode() {
			return discountCode != null && !discountCode.isBlank();
		}
	}

	@PreAuthorize("isAuthenticated()")
	public Outcome checkout(AccountId buyer, BundleId bundleId) {
		return checkout(buyer, bundleId, Terms.NONE);
	}

	/** @throws CheckoutRefusedException if the terms are refused (amount below the minimum, unusable code) */
	@PreAuthorize("isAuthenticated()")
	public Outcome checkout(AccountId buyer, BundleId bundleId, Terms terms) {
		return checkout(buyer, bundleId, terms, null);
	}

	/**
	 * Buys the bundle as a gift, on the same terms and through the same gateway as {@link #checkout}; the buyer
	 * may own it already. Paid, the order publishes {@link GiftPurchased} and the buyer gets nothing themselves.
	 * @throws CheckoutRefusedException for a bad address or message, a free or email-gated bundle, or bad terms
	 */
	@PreAuthorize("isAuthenticated()")
	public Outcome checkoutGift(AccountId buyer, BundleId bundleId, Terms terms, Gift gift) {
		return checkout(buyer, bundleId, terms, gift.checked());
	}

	/** Who a gift is for: the recipient's address and an optional short plain-text message. */
	public record Gift(String email, @Nullable String message) {

		public static final int MESSAGE_MAX_LENGTH = 300;

		private static final Pattern ADDRESS = Pattern
			.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

		Gift checked() {
			String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
			if (address.length() > 320 || !ADDRESS.matcher(address).matches()) {
				throw new CheckoutRefusedException("checkout.gift.email.invalid");
			}
			String text = message == null ? "" : message.strip();
			if (text.length() > MESSAGE_MAX_LENGTH) {
				throw new CheckoutRefusedException("checkout.gift.message.tooLong", MESSAGE_MAX_LENGTH);
			}
			return new Gift(address, text.isEmpty() ? null : text);
		}
	}

	private Outcome checkout(AccountId buyer, BundleId bundleId, Terms terms, @Nullable Gift gift) {
		Optional<Currency> currency = CheckoutTerms.currency(terms.currency());
		BundleSummary bundle = currency.isEmpty() ? catalog.acquirable(bundleId)
				: catalog.acquirableIn(bundleId, currency.get())
					.orElseThrow(() -> new CheckoutRefusedException("checkout.currency.unavailable"));
		if (bundle.creatorId().equals(buyer)) {
			throw new CheckoutRefusedException("checkout.ownBundle");
		}
		if (gift == null && owns(buyer, bundleId)) {
			return new AlreadyOwned();
		}
		// Free claims too: a receipt goes to the address, and throw-away accounts should cost a real mailbox.
		if (!accounts.isEmailVerified(buyer)) {
			throw new CheckoutRefusedException("checkout.emailUnverified");
		}
		if (gift != null && (bundle.isFree() || bundle.gate() == Gate.EMAIL)) {
			throw new CheckoutRefusedException("checkout.gift.notForSale");
		}
		if (bundle.isFree()) {
			openOrders.claimFree(buyer, bundle);
			return new Acquired();
		}
		if (bundle.gate() == Gate.EMAIL) {
			throw new CheckoutRefusedException("checkout.emailGate");
		}
		Optional<Money> chosen = checkedTerms.chosenAmount(bundle, terms);
		Optional<String> destination = sellers.payoutDestination(bundle.creatorId());
		if (gateway.paysSellersOut() && destination.isEmpty() && !chosen.filter(Money::isZero).isPresent()) {
			throw new CheckoutRefusedException("checkout.sellerNotReady");
		}
		Order order = openOrders.open(buyer, bundle, destination.orElse(null), chosen, terms, null, gift);
		if (order.status() == OrderStatus.PAID) {
			return new Acquired();
		}
		return pay(buyer, order, bundle.title());
	}

	/**
	 * Rents a bundle at the rental price the server has for it (no discount codes: they apply to purchases). A
	 * rental streams the locked media for the offer's window from the first play; it is not ownership, so a buyer
	 * who owns the bundle is not charged for renting it.
	 * @throws CheckoutRefusedException if the bundle has no rental offer or cannot be sold now
	 */
	@PreAuthorize("isAuthenticated()")
	public Outcome rent(AccountId buyer, BundleId bundleId) {
		return rent(buyer, bundleId, null);
	}

	/**
	 * As {@link #rent(AccountId, BundleId)}, at the rental price in {@code currency} (blank: the main currency).
	 * @throws CheckoutRefusedException also if the bundle has no rental price in that currency
	 */
	@PreAuthorize("isAuthenticated()")
	public Outcome rent(AccountId buyer, BundleId bundleId, @Nullable String currencyCode) {
		Optional<Currency> currency = CheckoutTerms.currency(currencyCode);
		BundleSummary bundle = catalog.acquirable(bundleId);
		if (bundle.creatorId().equals(buyer)) {
			throw new CheckoutRefusedException("checkout.ownBundle");
		}
		if (owns(buyer, bundleId)) {
			return new AlreadyOwned();
		}
		RentalTerms rental = (currency.isEmpty() ? catalog.rental(bundleId) : catalog.rental(bundleId, currency.get()))
			.orElseThrow(() -> new CheckoutRefusedException("checkout.rental.unavailable"));
		if (rentals.renting(buyer, bundleId)) {
			throw new CheckoutRefusedException("checkout.rental.running");
		}
		if (!accounts.isEmailVerified(buyer)) {
			throw new CheckoutRefusedException("checkout.emailUnverified");
		}
		Optional<String> destination = sellers.payoutDestination(bundle.creatorId());
		if (gateway.paysSellersOut() && destination.isEmpty()) {
			throw new CheckoutRefusedException("checkout.sellerNotReady");
		}
		Order order = openOrders.open(buyer, bundle, destination.orElse(null), Optional.empty(), Terms.NONE, rental, null);
		return pay(buyer, order, bundle.title());
	}

	/** Whether the buyer bought the bundle for themselves (a rental is not ownership, nor is a gift they gave). */
	public boolean owns(AccountId buyer, BundleId bundle) {
		return orders.existsByBuyerIdAndBundleIdAndStatusAndChargeKindAndGiftEmailIsNull(buyer.value(), bundle.value(),
				OrderStatus.PAID, OrderKind.PURCHASE);
	}

	/**
	 * Where the buyer goes to pay the open order of the bundle called {@code title}. A gateway without a page of ours
	 * (Stripe) is reached from our order summary, so the buyer reads what they buy, for how much and what happens next
	 * before leaving the site; the simulated gateway's page is that summary itself.
	 */
	private Outcome pay(AccountId buyer, Order order, String title) {
		if (!gateway.showsOrderSummary()) {
			return new PayAt(SUMMARY_PATH + order.id());
		}
		return gatewayCheckouts.startPayment(buyer, order, title);
	}

	/**
	 * "Pay with Stripe" on the order summary: starts the gateway's payment of the buyer's open order, outside any
	 * transaction. Pressed twice, the gateway gives the same checkout (its request is idempotent per order).
	 * @throws OrderClosedException if the order is no longer open
	 * @throws io.reelgate.catalog.BundleNotFoundException if the bundle cannot be bought any more
	 */
	@PreAuthorize("isAuthenticated()")
	public PayAt payAtGateway(AccountId buyer, OrderId id) {
		return gatewayCheckouts.payOpenOrder(buyer, id);
	}

	/** Every order the account placed, newest first, whatever became of it: for the account's data export. */
	public List<OrderView> ordersOf(AccountId buyer) {
		return transactions.execute(status -> orders.findByBuyerIdOrderByCreatedAtDesc(buyer.value()).stream()
			.map(Order::view)
			.toList());
	}

	/** An order of the given buyer; others get a 404. */
	@PreAuthorize("isAuthenticated()")
	public OrderView order(AccountId buyer, OrderId id) {
		return transactions.execute(status -> orders.findById(id.value())
			.filter(o -> o.isFor(buyer))
			.map(Order::view)
			.orElseThrow(OrderNotFoundException::new));
	}

	/**
	 * The buyer left the gateway's page without paying: the order closes, and so does the gateway's checkout, which
	 * would otherwise stay payable in another tab (no transaction is open while the gateway is called).
	 */
	@PreAuthorize("isAuthenticated()")
	public void cancel(AccountId buyer, OrderId id) {
		gatewayCheckouts.cancel(buyer, id);
	}
}
