package io.reelgate.catalog;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.reelgate.storage.BlobStore;
import io.reelgate.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Covers as the storefront's grid asks for them: JPEG copies a few widths wide ({@link #WIDTHS}, for {@code srcset}),
 * made from the cover on its first request and kept in the blob store, so a phone loads a 320-pixel image instead of
 * the uploaded original. Copies are named by the cover's bytes ({@code cover_renditions}): a new cover gets new
 * copies under new URLs, which may therefore be cached for a year.
 * <p>
 * No database transaction is open while bytes are read or stored (the store may be S3): the lookup and the insert
 * are single statements. Two instances making the same copy at once both store one; the primary key keeps the first,
 * and the other deletes its own. JPEG only: the JDK writes no WebP without native code.
 */
@Service
public class CoverRenditions {

	public static final List<Integer> WIDTHS = List.of(320, 480, 800);

	/** Decoding is done at no more than twice the width asked, and refused beyond this size of image. */
	private static final long MAX_PIXELS = 100_000_000L;

	private static final float QUALITY = 0.85f;

	private static final Logger log = LoggerFactory.getLogger(CoverRenditions.class);

	private final JdbcClient jdbc;

	private final BlobStore store;

	private final Clock clock;

	CoverRenditions(JdbcClient jdbc, BlobStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The cover {@code width} pixels wide (or as wide as it is, never enlarged), made now if nobody has yet; empty
	 * when the JDK cannot decode the cover (a WebP, say), for the caller to serve the original.
	 */
	public Optional<CoverView> of(CoverView cover, int width) throws IOException {
		if (!WIDTHS.contains(width)) {
			throw new IllegalArgumentException("No cover rendition " + width + " pixels wide");
		}
		Optional<CoverView> made = find(cover, width);
		if (made.isPresent()) {
			return made;
		}
		Optional<byte[]> jpeg = scaled(cover, width);
		if (jpeg.isEmpty()) {
			return Optional.empty();
		}
		StoredBlob blob = store.store(new ByteArrayInputStream(jpeg.get()), jpeg.get().length);
		Instant now = clock.instant();
		int kept = jdbc.sql("""
				insert into cover_renditions (source_sha256, width, storage_key, size, sha256, created_at)
				values (:source, :width, :key, :size, :sha256, :now) on conflict do nothing""")
			.param("source", cover.sha256()).param("width", width).param("key", blob.key())
			.param("size", blob.size()).param("sha256", blob.sha256()).param("now", Timestamp.from(now))
			.update();
		if (kept == 0) {
			store.delete(blob.key());
			return find(cover, width);
		}
		return Optional.of(new CoverView(blob.key(), "image/jpeg", blob.size(), blob.sha256(), now));
	}

	private Optional<CoverView> find(CoverView cover, int width) {
		return jdbc.sql("select storage_key, size, sha256, created_at from cover_renditions "
				+ "where source_sha256 = :source and width = :width")
			.param("source", cover.sha256()).param("width", width)
			.query((row, n) -> new CoverView(row.getString("storage_key"), "image/jpeg", row.getLong("size"),
					row.getString("sha256"), row.getTimestamp("created_at").toInstant()))
			.optional();
	}

	private Optional<byte[]> scaled(CoverView cover, int width) throws IOException {
		Optional<BufferedImage> source = decoded(cover, width);
		return source.isEmpty() ? Optional.empty() : Optional.of(jpeg(resized(source.get(), width)));
	}

	/**
	 * The cover decoded at no more than twice {@code width} (subsampled while read, so a large image never sits
	 * in memory whole); empty when it cannot be read or is too large to try.
	 */
	private Optional<BufferedImage> decoded(CoverView cover, int width) {
		try (InputStream in = store.open(cover.storageKey(), 0);
				ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = images == null ? null : ImageIO.getImageReaders(images);
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					log.warn("Cover {} is {} pixels, too large to resize; served as uploaded", cover.sha256(), pixels);
					return Optional.empty();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, reader.getWidth(0) / (2 * width));
				param.setSourceSubsampling(step, step, 0, 0);
				return Optional.of(reader.read(0, param));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			log.warn("Cover {} could not be decoded for resizing; served as uploaded", cover.sha256(), unreadable);
			return Optional.empty();
		}
	}

	private static BufferedImage resized(BufferedImage source, int width) {
		int targetWidth = Math.min(width, source.getWidth());
		int targetHeight = Math.max(1, Math.round((float) source.getHeight() * targetWidth / source.getWidth()));
		BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			// JPEG has no transparency: transparent parts of a PNG or GIF become white, as on the page.
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, targetWidth, targetHeight);
			graphics.drawImage(source.getScaledInstance(targetWidth, targetHeight, Image.SCALE_AREA_AVERAGING), 0, 0,
					null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(QUALITY);
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}
