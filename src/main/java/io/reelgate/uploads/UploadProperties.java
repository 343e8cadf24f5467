package io.reelgate.uploads;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Resumable (tus) uploads.
 *
 * @param stagingDirectory where the bytes of unfinished uploads are kept until they are complete and verified, when
 * the store is the filesystem (with S3 they are staged in the bucket)
 * @param expireAfter how long an upload may sit without progress before it is abandoned and deleted
 * @param cleanupInterval how often abandoned uploads are looked for
 * @param checkpoint how many bytes are written between two durable checkpoints of an upload's offset in a staging
 * file (with S3, each stored part is a checkpoint)
 * @param lease how long one request may hold an upload without writing; a crashed server's claim lapses after it
 * @param chunkSize how many bytes the browser uploader sends per request
 */
@ConfigurationProperties("reelgate.uploads")
@Validated
record UploadProperties(@NotBlank @DefaultValue("./data/uploads") String stagingDirectory,
		@NotNull @DefaultValue("24h") Duration expireAfter, @NotNull @DefaultValue("15m") Duration cleanupInterval,
		@NotNull @DefaultValue("64MB") DataSize checkpoint, @NotNull @DefaultValue("60s") Duration lease,
		@NotNull @DefaultValue("64MB") DataSize chunkSize) {

	UploadProperties {
		if (expireAfter.isNegative() || expireAfter.isZero() || lease.isNegative() || lease.isZero()
				|| checkpoint.toBytes() <= 0 || chunkSize.toBytes() <= 0) {
			throw new IllegalArgumentException(
					"reelgate.uploads.expire-after, lease, checkpoint and chunk-size must be positive");
		}
	}
}
