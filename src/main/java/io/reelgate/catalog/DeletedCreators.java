package io.reelgate.catalog;

import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.AccountDeleted;
import io.reelgate.accounts.Role;
import io.reelgate.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * What happens to a deleted creator's bundles. All of them leave the storefront for good and lose the creator's
 * name. Bundles that anyone acquired (or was paying for) keep their files, because buyers keep what they paid for
 * and download it from their library as before; bundles nobody ever acquired lose their files and cover, which are
 * deleted from storage. The database work commits before any bytes are deleted, so a crash leaves at worst an
 * unreferenced blob, never a bundle pointing at a missing one.
 */
@Component
class DeletedCreators {

	static final String DELETED_CREATOR_NAME = "Deleted creator";

	private static final Logger log = LoggerFactory.getLogger(DeletedCreators.class);

	private final Bundles bundles;

	private final BundleBuyers buyers;

	private final BlobStore store;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeletedCreators(Bundles bundles, BundleBuyers buyers, BlobStore store, TransactionTemplate transactions,
			Clock clock) {
		this.bundles = bundles;
		this.buyers = buyers;
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AccountDeleted event) {
		if (event.role() != Role.CREATOR) {
			return;
		}
		List<String> unreferenced = transactions.execute(status -> {
			List<String> keys = new ArrayList<>();
			for (Bundle bundle : bundles.findByOwnerId(event.account().value())) {
				bundle.withdrawWithDeletedOwner(DELETED_CREATOR_NAME, clock.instant());
				if (!buyers.exist(bundle.id())) {
					keys.addAll(bundle.eraseFiles());
				}
			}
			return keys;
		});
		for (String key : unreferenced) {
			try {
				store.delete(key);
			}
			catch (Exception ex) {
				log.warn("Could not delete blob {} of a deleted creator; it is unreferenced and can be removed by hand",
						key, ex);
			}
		}
	}
}
