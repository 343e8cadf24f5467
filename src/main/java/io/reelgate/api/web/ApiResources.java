package io.reelgate.api.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.FileView;
import io.reelgate.checkout.BundleEarnings;
import io.reelgate.checkout.OrderView;
import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;

/** What the API answers with: plain records, never entities. Amounts are decimal strings plus minor units. */
final class ApiResources {

	private ApiResources() {
	}

	record Price(String amount, long minor, String currency) {

		static @Nullable Price of(@Nullable Money money) {
			return money == null ? null
					: new Price(money.toDecimalString(), money.minor(), money.currency().getCurrencyCode());
		}
	}

	/** {@code files} is null in lists, where files are not loaded. */
	record Bundle(UUID id, String title, String summary, @Nullable String description, String gate,
			@Nullable Price price, @Nullable Price suggestedPrice, String status, boolean hidden, Instant createdAt, @Nullable Instant publishedAt,
			@Nullable List<File> files) {

		static Bundle of(BundleSummary s) {
			return new Bundle(s.id().value(), s.title(), s.summary(), null, s.gate().name(), Price.of(s.price()),
					Price.of(s.suggestedPrice()), s.status().name(), s.isHidden(), s.createdAt(), s.publishedAt(), null);
		}

		static Bundle of(BundleDetails d) {
			BundleSummary s = d.summary();
			return new Bundle(s.id().value(), s.title(), s.summary(), d.description(), s.gate().name(),
					Price.of(s.price()), Price.of(s.suggestedPrice()), s.status().name(), s.isHidden(), s.createdAt(),
					s.publishedAt(), d.files().stream().map(File::of).toList());
		}
	}

	record File(UUID id, String name, String contentType, long size, String sha256, boolean unlocked,
			Instant createdAt) {

		static File of(FileView f) {
			return new File(f.id().value(), f.name(), f.contentType(), f.size(), f.sha256(), f.unlocked(),
					f.createdAt());
		}
	}

	/**
	 * An upload started: send its bytes with any tus 1.0 client to {@code uploadUrl} (PATCH, from
	 * {@code offset}), with {@code headers} and the same bearer token.
	 */
	record Upload(UUID id, UUID bundleId, String filename, long length, long offset, Instant expiresAt,
			String uploadUrl, Map<String, String> headers) {
	}

	/**
	 * A sale of one of the creator's bundles; the buyer is not named. {@code amount} is the price charged,
	 * {@code gross} what the buyer paid, {@code tax} the sales tax or VAT in it (for {@code taxCountry}), and
	 * {@code netMinor} what is left for the creator's side after the tax and the platform fee
	 * ({@code gross = tax + fee + net}); before payment the gross is the amount and the tax zero.
	 */
	record Sale(UUID orderId, UUID bundleId, @Nullable String bundleTitle, @Nullable Price amount,
			@Nullable Price gross, @Nullable Price tax, @Nullable String taxCountry, long grossMinor, long taxMinor,
			long feeMinor, long netMinor, String status, Instant createdAt, @Nullable Instant paidAt) {

		static Sale of(OrderView o, @Nullable String title) {
			long gross = o.gross() == null ? 0 : o.gross().minor();
			long tax = o.tax() == null ? 0 : o.tax().minor();
			return new Sale(o.id().value(), o.bundle().value(), title, Price.of(o.amount()), Price.of(o.gross()),
					Price.of(o.tax()), o.taxCountry(), gross, tax, o.feeMinor(), gross - tax - o.feeMinor(),
					o.status().name(), o.createdAt(), o.paidAt());
		}
	}

	/** What a bundle earned in one currency, from the ledger: {@code gross = tax + fee + net}. */
	record Earnings(UUID bundleId, long sales, String currency, long grossMinor, long taxMinor, long feeMinor,
			long netMinor) {

		static Earnings of(BundleEarnings e) {
			return new Earnings(e.bundle().value(), e.sales(), e.totals().currency().getCurrencyCode(),
					e.totals().grossMinor(), e.totals().taxMinor(), e.totals().feeMinor(), e.totals().netMinor());
		}
	}

	/** One page of a longer list; {@code page} counts from 0. */
	record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

		static <T> PageOf<T> of(Page<T> page) {
			return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
					page.getTotalPages());
		}
	}
}
