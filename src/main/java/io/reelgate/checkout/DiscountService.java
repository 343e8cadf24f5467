package io.reelgate.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Gate;
import io.reelgate.catalog.PriceRules;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creators' discount codes, and the one place that prices a fixed-price order with one. Codes apply to fixed prices
 * only: pay what you want already lets the buyer choose. A code's uses are the orders that carry it; a checkout
 * reserves a use while it is open (at most {@link CheckoutService#CHECKOUT_LIFETIME}, after which the payment
 * provider no longer takes the payment), so a limited code can never be paid for more often than its limit, and an
 * abandoned checkout gives its use back by itself, with no job to release it.
 */
@Service
@Transactional
public class DiscountService {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,40}");

	/** The furthest expiry a code may have; a year like 999999999 is a typo, and beyond what PostgreSQL stores. */
	private static final Duration MAX_VALIDITY = Duration.ofDays(3653);

	private final DiscountCodes codes;

	private final Orders orders;

	private final Catalog catalog;

	private final PriceRules priceRules;

	private final Clock clock;

	DiscountService(DiscountCodes codes, Orders orders, Catalog catalog, PriceRules priceRules, Clock clock) {
		this.codes = codes;
		this.orders = orders;
		this.catalog = catalog;
		this.priceRules = priceRules;
		this.clock = clock;
	}

	/** What a creator asks for; {@code bundle} null means all of their bundles. */
	public record NewDiscountCode(String code, @Nullable BundleId bundle, Discount discount,
			@Nullable Instant expiresAt, @Nullable Integer usageLimit) {
	}

	/** A code as its creator's list shows it, with its paid uses. */
	public record DiscountCodeView(UUID id, String code, @Nullable BundleId bundle, Discount discount,
			@Nullable Instant expiresAt, @Nullable Integer usageLimit, long used, boolean disabled, boolean expired) {

		public boolean usedUp() {
			return usageLimit != null && used >= usageLimit;
		}

		public boolean active() {
			return !disabled && !expired && !usedUp();
		}
	}

	/** A code's effect on a bundle's price as the bundle page announces it; the checkout decides again. */
	public record CodeCheck(String code, @Nullable Money price, @Nullable String problem) {

		public boolean applies() {
			return problem == null;
		}
	}

	@PreAuthorize("hasRole('CREATOR')")
	public UUID create(AccountId creator, NewDiscountCode request) {
		String code = DiscountCode.normalise(request.code());
		if (!CODE.matcher(code).matches()) {
			throw new DiscountCodeException("discount.code.invalid");
		}
		if (request.bundle() != null) {
			catalog.editable(creator, request.bundle());
		}
		if (request.discount() instanceof Discount.Amount amount && !priceRules.accepts(amount.amount().currency())) {
			throw new DiscountCodeException("gate.currency.unknown");
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
			throw new DiscountCodeException("discount.expiry.past");
		}
		if (request.expiresAt() != null && request.expiresAt().isAfter(clock.instant().plus(MAX_VALIDITY))) {
			throw new DiscountCodeException("discount.expiry.tooFar", MAX_VALIDITY.toDays() / 365);
		}
		if (request.usageLimit() != null && request.usageLimit() < 1) {
			throw new DiscountCodeException("discount.limit.invalid");
		}
		if (codes.existsByCreatorIdAndCode(creator.value(), code)) {
			throw new DiscountCodeException("discount.code.taken", code);
		}
		DiscountCode created = new DiscountCode(creator, request.bundle(), code, request.discount(),
				request.expiresAt(), request.usageLimit(), clock.instant());
		try {
			codes.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException ex) {
			throw new DiscountCodeException("discount.code.taken", code);
		}
		return created.id();
	}

	@PreAuthorize("hasRole('CREATOR')")
	@Transactional(readOnly = true)
	public List<DiscountCodeView> codesOf(AccountId creator) {
		Map<UUID, Long> used = orders.countPaidUsesBySeller(creator.value())
			.stream()
			.collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
		Instant now = clock.instant();
		return codes.findByCreatorIdOrderByCreatedAtDesc(creator.value())
			.stream()
			.map(c -> new DiscountCodeView(c.id(), c.code(), c.bundle().orElse(null), c.discount(),
					c.expiresAt().orElse(null), c.usageLimit().orElse(null), used.getOrDefault(c.id(), 0L),
					c.disabled(), c.expiresAt().map(e -> !now.isBefore(e)).orElse(false)))
			.toList();
	}

	/** Disables a code for new checkouts; orders already made with it keep it. Others' codes are a 404. */
	@PreAuthorize("hasRole('CREATOR')")
	public void disable(AccountId creator, UUID id) {
		codes.findById(id)
			.filter(c -> c.creator().equals(creator))
			.orElseThrow(DiscountCodeNotFoundException::new)
			.disable(clock.instant());
	}

	/**
	 * Whether {@code code} has the shape of a code (letters, digits, {@code _} and {@code -}, 3 to 40 of them), so it
	 * may be carried in a link: a 9,000-character paste must not be copied into a redirect's {@code Location}.
	 */
	public static boolean wellFormed(String code) {
		return CODE.matcher(DiscountCode.normalise(code)).matches();
	}

	/** What {@code code} would do to the bundle's price now, for the bundle page; nothing is reserved. */
	@Transactional(readOnly = true)
	public CodeCheck check(BundleSummary bundle, String code) {
		String normalised = DiscountCode.normalise(code);
		try {
			return new CodeCheck(normalised, price(null, bundle, normalised, false).charged(), null);
		}
		catch (CheckoutRefusedException ex) {
			return new CodeCheck(normalised, null, ex.code());
		}
	}

	/**
	 * Prices an order with a code (for pay what you want: the lowered minimum), holding the code's row lock until the caller's transaction ends, so
	 * the order that reserves the use is saved before any other checkout may count the uses.
	 * @throws CheckoutRefusedException if the code is unknown, disabled, expired, used up or not for this bundle
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Quote reserve(AccountId buyer, BundleSummary bundle, String code) {
		return price(buyer, bundle, DiscountCode.normalise(code), true);
	}

	private Quote price(@Nullable AccountId buyer, BundleSummary bundle, String code, boolean lock) {
		// For pay what you want the code lowers the minimum; the buyer still chooses what they pay above it.
		Money price = bundle.price();
		if ((bundle.gate() != Gate.PAID && bundle.gate() != Gate.PWYW) || price == null) {
			throw new CheckoutRefusedException("checkout.code.pricedOnly");
		}
		Optional<DiscountCode> found = lock ? codes.findForUpdate(bundle.creatorId().value(), code)
				: codes.findByCreatorIdAndCode(bundle.creatorId().value(), code);
		DiscountCode discount = found.orElseThrow(() -> new CheckoutRefusedException("checkout.code.unknown"));
		Instant now = clock.instant();
		Optional<String> refusal = discount.refusal(bundle.id(), price, now);
		if (refusal.isPresent()) {
			throw new CheckoutRefusedException(refusal.get());
		}
		if (discount.usageLimit().isPresent()) {
			UUID who = buyer == null ? new UUID(0, 0) : buyer.value();
			long uses = orders.countUses(discount.id(), now.minus(CheckoutService.CHECKOUT_LIFETIME), who);
			if (uses >= discount.usageLimit().get()) {
				throw new CheckoutRefusedException("checkout.code.usedUp");
			}
		}
		return new Quote(price, discount.apply(price, priceRules.smallestPrice(price.currency())), discount.id(),
				discount.code());
	}
}
