package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.storage.StoredBlob;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A bundle's cover image as stored; the bundle has none when its columns are empty (the field is then null). */
@Embeddable
record Cover(@Column(name = "cover_key") String key, @Column(name = "cover_content_type") String contentType,
		@Column(name = "cover_size") long size, @Column(name = "cover_sha256") String sha256,
		@Column(name = "cover_updated_at") Instant updatedAt) {

	static Cover of(StoredBlob blob, String contentType, Instant now) {
		return new Cover(blob.key(), contentType, blob.size(), blob.sha256(), now);
	}

	CoverView view() {
		return new CoverView(key, contentType, size, sha256, updatedAt);
	}
}
