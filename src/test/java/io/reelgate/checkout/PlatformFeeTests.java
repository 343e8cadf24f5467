package io.reelgate.checkout;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformFeeTests {

	@ParameterizedTest(name = "{1} bp of {0} = {2}")
	@CsvSource(textBlock = """
			1999, 1000, 200
			1995, 1000, 200
			1994, 1000, 199
			5,    1000, 1
			4,    1000, 0
			0,    1000, 0
			1000, 0,    0
			1000, 10000, 1000
			999999999, 1000, 100000000
			""")
	void roundsThePercentageHalfUpToAWholeMinorUnit(long price, int basisPoints, long fee) {
		assertThat(new PlatformFee(new FeeProperties(basisPoints, Map.of())).of(Money.of(price, "USD")))
			.isEqualTo(Money.of(fee, "USD"));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			USD, 1000, 130
			EUR, 1000, 100
			USD, 10,   10
			""")
	void addsTheFixedPartOfTheCurrencyButNeverMoreThanThePrice(String currency, long price, long fee) {
		PlatformFee fees = new PlatformFee(new FeeProperties(1000, Map.of("USD", 30L)));
		assertThat(fees.of(Money.of(price, currency))).isEqualTo(Money.of(fee, currency));
	}

	private static final AccountId OWNER = new AccountId(UUID.randomUUID());

	private static final AccountId A = new AccountId(UUID.randomUUID());

	private static final AccountId B = new AccountId(UUID.randomUUID());

	@Test
	void threeWaysAt3333EachGiveTheLeftOverCentByLargestRemainderAndLoseNone() {
		List<PlatformFee.Party> parties = List.of(new PlatformFee.Party(OWNER, 1), new PlatformFee.Party(A, 3333),
				new PlatformFee.Party(B, 3333), new PlatformFee.Party(new AccountId(UUID.randomUUID()), 3333));

		Map<AccountId, Money> shares = PlatformFee.shares(Money.of(100, "EUR"), parties);

		// Exact shares 0.01, 33.33, 33.33, 33.33: 99 whole cents, and the last one to the first largest fraction.
		assertThat(shares.values()).extracting(Money::minor).containsExactly(0L, 34L, 33L, 33L);
	}

	@Test
	void aShareOfOneCentGoesWholeToOneParty() {
		Map<AccountId, Money> shares = PlatformFee.shares(Money.of(1, "USD"), List.of(new PlatformFee.Party(OWNER, 3334),
				new PlatformFee.Party(A, 3333), new PlatformFee.Party(B, 3333)));

		assertThat(shares.values()).extracting(Money::minor).containsExactly(1L, 0L, 0L);
	}

	@Test
	void equalFractionsGoToThePartyListedFirst() {
		Map<AccountId, Money> shares = PlatformFee.shares(Money.of(1, "USD"),
				List.of(new PlatformFee.Party(OWNER, 5000), new PlatformFee.Party(A, 5000)));

		assertThat(shares).containsExactly(Map.entry(OWNER, Money.of(1, "USD")), Map.entry(A, Money.of(0, "USD")));
	}

	@ParameterizedTest(name = "{0} minor units split {1}/{2}/{3} bp")
	@CsvSource(textBlock = """
			0,      3333, 3333, 3334
			1,      3333, 3333, 3334
			2,      3333, 3333, 3334
			99,     3333, 3333, 3334
			100,    3333, 3333, 3334
			101,    3333, 3333, 3334
			1999,   1,    1,    9998
			77777,  5000, 2500, 2500
			999999, 10000, 0,   0
			""")
	void noCentIsLostOrMadeAndNoShareIsFurtherThanOneCentFromExact(long amount, int a, int b, int c) {
		Map<AccountId, Money> shares = PlatformFee.shares(Money.of(amount, "USD"), List.of(
				new PlatformFee.Party(OWNER, a), new PlatformFee.Party(A, b), new PlatformFee.Party(B, c)));

		assertThat(shares.values().stream().mapToLong(Money::minor).sum()).isEqualTo(amount);
		int[] bp = { a, b, c };
		List<Money> values = List.copyOf(shares.values());
		for (int i = 0; i < 3; i++) {
			double exact = amount * bp[i] / 10_000.0;
			assertThat((double) values.get(i).minor()).isBetween(Math.floor(exact), Math.ceil(exact));
		}
	}

	@Test
	void theFeeComesOffTheNetBeforeTheSplitAndEverythingAddsUpToTheNet() {
		PlatformFee fees = new PlatformFee(new FeeProperties(1000, Map.of()));

		PlatformFee.Division division = fees.divide(Money.of(1001, "USD"),
				List.of(new PlatformFee.Party(OWNER, 6667), new PlatformFee.Party(A, 3333)));

		assertThat(division.fee()).isEqualTo(Money.of(100, "USD"));
		assertThat(division.shares()).containsExactly(Map.entry(OWNER, Money.of(601, "USD")),
				Map.entry(A, Money.of(300, "USD")));
	}

	@Test
	void sharesThatDoNotAddUpToAHundredPercentAreRefused() {
		assertThatThrownBy(() -> PlatformFee.shares(Money.of(100, "USD"),
				List.of(new PlatformFee.Party(OWNER, 5000), new PlatformFee.Party(A, 5001))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PlatformFee.shares(Money.of(100, "USD"), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PlatformFee.Party(A, -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aRefundTakesBackEveryLineWholeAndAPartialDisputeThePartInProportionWithoutLosingACent() {
		Map<String, Long> sale = new java.util.LinkedHashMap<>();
		sale.put("tax", 190L);
		sale.put("fee", 100L);
		sale.put("owner", 300L);
		sale.put("director", 300L);
		sale.put("composer", 300L);

		assertThat(PlatformFee.inProportion(sale, 1190)).isEqualTo(sale);
		// 500 of 1190: exact parts 79.83, 42.02, 126.05 three times; 499 whole cents, the one left to the largest
		// fraction (the tax's .83).
		assertThat(PlatformFee.inProportion(sale, 500)).containsExactly(Map.entry("tax", 80L),
				Map.entry("fee", 42L), Map.entry("owner", 126L), Map.entry("director", 126L),
				Map.entry("composer", 126L));
		assertThat(PlatformFee.inProportion(sale, 1)).containsExactly(Map.entry("tax", 0L), Map.entry("fee", 0L),
				Map.entry("owner", 1L), Map.entry("director", 0L), Map.entry("composer", 0L));
		assertThat(PlatformFee.inProportion(sale, 0).values()).containsOnly(0L);
	}

	@ParameterizedTest(name = "{0} of 1 + 333 + 333 + 333")
	@CsvSource({ "1", "2", "3", "500", "999", "1000" })
	void partsInProportionAlwaysAddUpToThePartAndStayWithinACentOfExact(long part) {
		Map<String, Long> lines = new java.util.LinkedHashMap<>();
		lines.put("a", 1L);
		lines.put("b", 333L);
		lines.put("c", 333L);
		lines.put("d", 333L);

		Map<String, Long> taken = PlatformFee.inProportion(lines, part);

		assertThat(taken.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(part);
		lines.forEach((k, v) -> assertThat((double) taken.get(k))
			.isBetween(Math.floor(v * part / 1000.0), Math.ceil(v * part / 1000.0)));
	}

	@Test
	void moreThanTheLinesOrANegativeLineIsRefused() {
		assertThatThrownBy(() -> PlatformFee.inProportion(Map.of("a", 10L), 11))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PlatformFee.inProportion(Map.of("a", -1L), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
