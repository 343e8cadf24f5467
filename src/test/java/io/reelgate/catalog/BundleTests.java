package io.reelgate.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.Money;
import io.reelgate.storage.StoredBlob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final AccountId owner = AccountId.random();

	private final Bundle bundle = new Bundle(owner, "Ada", new BundleText(" Title ", "Summary", ""), NOW);

	@Test
	void startsAsAFreeDraft() {
		assertThat(bundle.summary().status()).isEqualTo(BundleStatus.DRAFT);
		assertThat(bundle.summary().gate()).isEqualTo(Gate.FREE);
		assertThat(bundle.summary().title()).isEqualTo("Title");
		assertThat(bundle.isPublic()).isFalse();
	}

	@Test
	void refusesToPublishWithoutFiles() {
		assertThatThrownBy(() -> bundle.publish(NOW)).isInstanceOf(CatalogException.class)
			.hasMessage("bundle.publish.noFiles");
	}

	@Test
	void publishesWithAFileAndKeepsTheFirstPublicationDate() {
		bundle.addFile(upload(), NOW);
		bundle.publish(NOW);
		bundle.unpublish();
		bundle.publish(NOW.plusSeconds(60));
		assertThat(bundle.isPublic()).isTrue();
		assertThat(bundle.summary().publishedAt()).isEqualTo(NOW);
	}

	@Test
	void hidingTakesAPublishedBundleOutOfPublicViewUntilRestored() {
		bundle.addFile(upload(), NOW);
		bundle.publish(NOW);
		bundle.hide("Copyright claim", NOW);
		assertThat(bundle.isPublic()).isFalse();
		assertThat(bundle.summary().hiddenReason()).isEqualTo("Copyright claim");
		bundle.restore();
		assertThat(bundle.isPublic()).isTrue();
		assertThat(bundle.summary().hiddenReason()).isNull();
	}

	@Test
	void aBundleInReviewIsNotPublicUntilApprovedAndGoesBackToDraftWhenRejected() {
		assertThatThrownBy(() -> bundle.submitForReview(NOW)).hasMessage("bundle.publish.noFiles");
		bundle.addFile(upload(), NOW);
		bundle.submitForReview(NOW);
		assertThat(bundle.isPublic()).isFalse();
		assertThatThrownBy(() -> bundle.publish(NOW)).hasMessage("bundle.review.pending");

		bundle.reject("Needs a real description");
		assertThat(bundle.summary().status()).isEqualTo(BundleStatus.DRAFT);
		assertThat(bundle.summary().reviewNote()).isEqualTo("Needs a real description");
		assertThatThrownBy(() -> bundle.approve(NOW)).hasMessage("bundle.review.notPending");

		bundle.submitForReview(NOW.plusSeconds(5));
		assertThat(bundle.summary().reviewNote()).isNull();
		bundle.approve(NOW.plusSeconds(10));
		assertThat(bundle.isPublic()).isTrue();
		assertThat(bundle.wasPublished()).isTrue();
		assertThat(bundle.summary().publishedAt()).isEqualTo(NOW.plusSeconds(10));
	}

	@Test
	void aRemovedBundleStaysOutUntilItsRemovalIsUndone() {
		bundle.addFile(upload(), NOW);
		bundle.publish(NOW);
		assertThat(bundle.remove("Counterfeit", NOW)).isTrue();
		assertThat(bundle.remove("Counterfeit again", NOW)).isFalse();
		assertThat(bundle.isPublic()).isFalse();
		assertThat(bundle.summary().hiddenReason()).isEqualTo("Counterfeit");
		assertThatThrownBy(bundle::restore).hasMessage("bundle.removed");
		assertThatThrownBy(() -> bundle.hide("Again", NOW)).hasMessage("bundle.removed");

		bundle.reinstateAfterRemoval();
		assertThat(bundle.isPublic()).isTrue();
		assertThatThrownBy(bundle::reinstateAfterRemoval).hasMessage("bundle.notRemoved");
	}

	@Test
	void anotherAccountCannotEvenLearnThatTheBundleExists() {
		assertThatThrownBy(() -> bundle.assertOwnedBy(AccountId.random())).isInstanceOf(BundleNotFoundException.class);
	}

	@Test
	void aPaidGateNeedsAPositivePriceAndFreeClearsIt() {
		Currency usd = Currency.getInstance("USD");
		assertThatThrownBy(() -> bundle.pricing().charge(new Money(0, usd))).isInstanceOf(CatalogException.class);
		bundle.pricing().charge(new Money(999, usd));
		assertThat(bundle.summary().price()).isEqualTo(new Money(999, usd));
		bundle.pricing().makeFree();
		assertThat(bundle.summary().price()).isNull();
		assertThat(bundle.summary().gate()).isEqualTo(Gate.FREE);
	}

	@Test
	void filesCannotBeRemovedOnceTheBundleHasBeenPublished() {
		BundleFile file = bundle.addFile(upload(), NOW);
		bundle.publish(NOW);
		bundle.unpublish();
		assertThatThrownBy(() -> bundle.removeFile(file.id())).isInstanceOf(CatalogException.class)
			.hasMessage("bundle.files.removeAfterPublish");
	}

	@Test
	void filesKeepTheirOrderAfterARemoval() {
		BundleFile first = bundle.addFile(upload(), NOW);
		bundle.addFile(upload(), NOW);
		bundle.removeFile(first.id());
		BundleFile third = bundle.addFile(upload(), NOW);
		assertThat(third.position()).isEqualTo(2);
	}

	@Test
	void sellsInAnotherCurrencyOnlyWhereTheCreatorSetAPriceInIt() {
		bundle.pricing().charge(Money.of(1000, "USD"));
		bundle.pricing().priceIn(Money.of(900, "EUR"), null, null);
		assertThat(bundle.pricing().currencies()).extracting(Currency::getCurrencyCode).containsExactly("USD", "EUR");
		assertThat(bundle.summaryIn(Currency.getInstance("EUR"))).get()
			.extracting(BundleSummary::price).isEqualTo(Money.of(900, "EUR"));
		assertThat(bundle.summaryIn(Currency.getInstance("USD"))).get()
			.extracting(BundleSummary::price).isEqualTo(Money.of(1000, "USD"));
		assertThat(bundle.summaryIn(Currency.getInstance("GBP"))).isEmpty();
		// The page falls back to the main price where there is none in the viewer's currency.
		assertThat(bundle.detailsIn(Currency.getInstance("GBP")).summary().price()).isEqualTo(Money.of(1000, "USD"));
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(900, "USD"), null, null)).hasMessage("prices.mainCurrency");
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(0, "GBP"), null, null)).hasMessage("gate.price.zero");
	}

	@Test
	void aRentalInAnotherCurrencySharesTheMainWindowAndGoesWithIt() {
		bundle.pricing().charge(Money.of(1000, "USD"));
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(900, "EUR"), null, Money.of(300, "EUR")))
			.hasMessage("prices.rental.noMainRental");
		bundle.pricing().offerRental(Money.of(300, "USD"), 48);
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(900, "EUR"), null, Money.of(900, "EUR")))
			.hasMessage("rental.notCheaper");
		bundle.pricing().priceIn(Money.of(900, "EUR"), null, Money.of(250, "EUR"));
		assertThat(bundle.pricing().rentalTermsIn(Currency.getInstance("EUR")))
			.contains(new RentalTerms(Money.of(250, "EUR"), 48));
		bundle.pricing().withdrawRental();
		assertThat(bundle.pricing().rentalTermsIn(Currency.getInstance("EUR"))).isEmpty();
		assertThat(bundle.summaryIn(Currency.getInstance("EUR"))).isPresent();
	}

	@Test
	void otherPricesLastOnlyWhileTheGateKeepsItsKind() {
		bundle.pricing().charge(Money.of(1000, "USD"));
		bundle.pricing().priceIn(Money.of(900, "EUR"), null, null);
		bundle.pricing().priceIn(Money.of(800, "GBP"), null, null);
		bundle.pricing().charge(Money.of(1200, "USD"));
		assertThat(bundle.pricing().otherPrices()).hasSize(2);
		// The main price moving into a currency replaces the other price there.
		bundle.pricing().charge(Money.of(1100, "EUR"));
		assertThat(bundle.pricing().otherPrices()).extracting(p -> p.amount().currency().getCurrencyCode())
			.containsExactly("GBP");
		// A pay-what-you-want minimum is not a fixed price: switching the gate clears the others.
		bundle.pricing().payWhatYouWant(Money.of(0, "EUR"), Money.of(500, "EUR"));
		assertThat(bundle.pricing().otherPrices()).isEmpty();
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(100, "USD"), null, null))
			.hasMessage("prices.suggested.required");
		bundle.pricing().priceIn(Money.of(100, "USD"), Money.of(600, "USD"), null);
		assertThat(bundle.summaryIn(Currency.getInstance("USD"))).get()
			.satisfies(s -> assertThat(s.suggestedPrice()).isEqualTo(Money.of(600, "USD")));
		bundle.pricing().makeFree();
		assertThat(bundle.pricing().otherPrices()).isEmpty();
		assertThatThrownBy(() -> bundle.pricing().priceIn(Money.of(100, "USD"), null, null)).hasMessage("prices.pricedOnly");
	}

	private static FileUpload upload() {
		return new FileUpload(new StoredBlob("ab/cd/" + UUID.randomUUID(), 10, "0".repeat(64)), "film.mp4",
				"video/mp4");
	}
}
