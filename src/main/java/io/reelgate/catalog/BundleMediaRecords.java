package io.reelgate.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.StoredBlob;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The database half of {@link BundleMedia}: short transactions before and after the bytes move. */
@Service
@Transactional
class BundleMediaRecords {

	private final Bundles bundles;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	BundleMediaRecords(Bundles bundles, Clock clock, ApplicationEventPublisher events) {
		this.bundles = bundles;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public void assertCanAddFile(AccountId owner, BundleId id) {
		owned(owner, id).files().assertRoom();
	}

	@Transactional(readOnly = true)
	public void assertOwned(AccountId owner, BundleId id) {
		owned(owner, id);
	}

	@Transactional(readOnly = true)
	public long storageUsedBy(AccountId owner) {
		return bundles.storageUsedBy(owner.value());
	}

	public FileView attach(AccountId owner, BundleId id, FileUpload upload) {
		BundleFile file = owned(owner, id).addFile(upload, clock.instant());
		bundles.flush();
		FileView view = file.view();
		events.publishEvent(new BundleFileAdded(view.id(), id, view.contentType()));
		return view;
	}

	@Transactional(readOnly = true)
	public String posterOf(AccountId owner, BundleId id, BundleFileId fileId) {
		return owned(owner, id).files().posterOf(fileId);
	}

	public List<String> detach(AccountId owner, BundleId id, BundleFileId fileId) {
		return owned(owner, id).removeFile(fileId);
	}

	public Optional<String> changeCover(AccountId owner, BundleId id, StoredBlob blob, String contentType) {
		Optional<String> previous = owned(owner, id).changeCover(blob, contentType, clock.instant());
		bundles.flush();
		return previous;
	}

	private Bundle owned(AccountId owner, BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.assertOwnedBy(owner);
		return bundle;
	}
}
