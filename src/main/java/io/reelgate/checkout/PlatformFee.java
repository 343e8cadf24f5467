package io.reelgate.checkout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The one place that decides how a sale's money is divided. The platform's share first: the percentage part is
 * computed exactly in integer minor units and rounded half up to a whole minor unit (10 % of $0.05 is $0.01; 10 % of
 * $0.04 is $0.00); the fixed part for the currency is then added, and the fee never exceeds the price. What the fee
 * leaves is then divided among the parties by their shares with the largest-remainder rule: each party gets the whole
 * minor units of its exact share, and the units left over go one each to the parties with the largest fractions
 * (ties to the party listed first), so the shares always add up to exactly what was divided: no cent lost or made.
 */
@Component
public class PlatformFee {

	private static final long BASIS = 10_000;

	private final FeeProperties properties;

	PlatformFee(FeeProperties properties) {
		this.properties = properties;
	}

	public Money of(Money price) {
		long percentage = (Math.multiplyExact(price.minor(), (long) properties.basisPoints()) + BASIS / 2) / BASIS;
		long fixed = properties.fixed().getOrDefault(price.currency().getCurrencyCode().toUpperCase(Locale.ROOT), 0L);
		return new Money(Math.min(price.minor(), percentage + fixed), price.currency());
	}

	/**
	 * The fee on {@code net} and what is left, divided among {@code parties}.
	 * @param parties each party's share in basis points, together exactly 10000 (100 %), in a stable order
	 */
	public Division divide(Money net, List<Party> parties) {
		Money fee = of(net);
		return new Division(fee, shares(new Money(net.minor() - fee.minor(), net.currency()), parties));
	}

	/** {@code amount} divided by the largest-remainder rule; the shares sum to {@code amount} exactly. */
	static Map<AccountId, Money> shares(Money amount, List<Party> parties) {
		if (parties.isEmpty() || parties.stream().mapToLong(Party::basisPoints).sum() != BASIS) {
			throw new IllegalArgumentException("Shares must add up to 100 %: " + parties);
		}
		long[] whole = largestRemainder(amount.minor(), parties.stream().mapToLong(Party::basisPoints).toArray(),
				BASIS);
		Map<AccountId, Money> shares = new LinkedHashMap<>();
		for (int i = 0; i < parties.size(); i++) {
			shares.merge(parties.get(i).account(), new Money(whole[i], amount.currency()), Money::plus);
		}
		return shares;
	}

	/**
	 * {@code part} of a movement booked as {@code lines}, line by line in proportion, by the same largest-remainder
	 * rule: the result adds up to {@code part} exactly, in the lines' order. A refund takes back {@code part} = all
	 * of it, so each line whole; a dispute over part of a payment takes that part of each line (tax, fee, each
	 * party's share), and a lost one reverses each party's transfer by its line.
	 * @param lines non-negative amounts in minor units of one currency
	 * @param part 0 up to the lines' sum
	 */
	public static <K> Map<K, Long> inProportion(Map<K, Long> lines, long part) {
		long total = lines.values().stream().mapToLong(Long::longValue).sum();
		if (lines.values().stream().anyMatch(v -> v < 0) || part < 0 || part > total) {
			throw new IllegalArgumentException("Cannot take " + part + " out of " + lines);
		}
		Map<K, Long> result = new LinkedHashMap<>();
		if (total == 0) {
			lines.keySet().forEach(k -> result.put(k, 0L));
			return result;
		}
		long[] taken = largestRemainder(part, lines.values().stream().mapToLong(Long::longValue).toArray(), total);
		int i = 0;
		for (K key : lines.keySet()) {
			result.put(key, taken[i++]);
		}
		return result;
	}

	/**
	 * {@code amount} divided by {@code weights} out of {@code total}: each gets the whole minor units of its exact
	 * part, and the units left over go one each to the largest fractions, ties to the one listed first.
	 */
	private static long[] largestRemainder(long amount, long[] weights, long total) {
		long[] whole = new long[weights.length];
		long[] fraction = new long[weights.length];
		List<Integer> byFraction = new ArrayList<>();
		long left = amount;
		for (int i = 0; i < weights.length; i++) {
			long exact = Math.multiplyExact(amount, weights[i]);
			whole[i] = exact / total;
			fraction[i] = exact % total;
			left -= whole[i];
			byFraction.add(i);
		}
		// A stable sort keeps the listed order among equal fractions.
		byFraction.sort(Comparator.comparingLong((Integer i) -> fraction[i]).reversed());
		for (int k = 0; k < left; k++) {
			whole[byFraction.get(k)]++;
		}
		return whole;
	}

	/** A party to a sale and its share of what the fee leaves, in basis points (3333 = 33.33 %). */
	public record Party(AccountId account, int basisPoints) {

		public Party {
			if (basisPoints < 0 || basisPoints > BASIS) {
				throw new IllegalArgumentException("A share is 0..10000 basis points: " + basisPoints);
			}
		}
	}

	/** The platform's fee and each party's share, in the parties' order; fee and shares add up to the net. */
	public record Division(Money fee, Map<AccountId, Money> shares) {
	}
}
