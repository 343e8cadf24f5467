package io.reelgate.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import io.reelgate.catalog.BundleFileLadderChosen;
import io.reelgate.catalog.BundleFileProbed;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.media.HlsPackager.PackagingException;
import io.reelgate.media.HlsPackages.Claim;
import io.reelgate.media.HlsPackages.StoredRendition;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.StoredBlob;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Packages probed video and audio files as HLS, off the request thread and off the event listeners' threads. The
 * probe's {@link BundleFileProbed} (kept in the event publication registry until handled) queues the file in
 * {@link HlsPackages}; each instance's workers, at most {@code reelgate.media.hls.concurrency} at a time, claim
 * queued files there, so any instance may package any file and no file is packaged twice at once. ffmpeg writes to a
 * temporary directory; the renditions go to the {@link BlobStore} and only then, with one transaction, into the
 * package's rows, so a package is either complete or not there. No database transaction is open while ffmpeg or the
 * store runs. A file removed while it is packaged stops its ffmpeg, and its blobs are deleted.
 */
@Component
class HlsPackaging {

	private static final Logger log = LoggerFactory.getLogger(HlsPackaging.class);

	private static final int SWEEP_BATCH = 50;

	private final HlsPackager packager;

	private final HlsPackages packages;

	private final Catalog catalog;

	private final MediaInputs inputs;

	private final BlobStore store;

	private final HlsProperties properties;

	private final Clock clock;

	private final Semaphore slots;

	private final ExecutorService workers;

	HlsPackaging(HlsPackager packager, HlsPackages packages, Catalog catalog, MediaInputs inputs, BlobStore store,
			HlsProperties properties, Clock clock) {
		this.packager = packager;
		this.packages = packages;
		this.catalog = catalog;
		this.inputs = inputs;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.slots = new Semaphore(properties.concurrency());
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(properties.concurrency(), work -> {
			Thread thread = new Thread(work, "hls-packaging-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BundleFileProbed event) {
		if (!packager.canPackage() || event.media().isEmpty()
				|| !(event.contentType().startsWith("video/") || event.contentType().startsWith("audio/"))) {
			return;
		}
		packages.queue(event.file());
		startWork();
	}

	/**
	 * The creator asked for a ladder of an H.264 video, or no longer does: the file is packaged again, with its
	 * current package served until the new one is ready.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BundleFileLadderChosen event) {
		if (!packager.canPackage()) {
			return;
		}
		packages.requeue(event.file());
		startWork();
	}

	/** Files queued while every worker was busy, or left by an instance that stopped, are picked up here. */
	@Scheduled(initialDelayString = "30s", fixedDelayString = "30s")
	void poll() {
		if (packager.canPackage()) {
			startWork();
		}
	}

	/** Deletes the packages of files that were removed (one instance at a time would do, but each is harmless). */
	@Scheduled(initialDelayString = "5m", fixedDelayString = "10m")
	void sweep() {
		for (var file : packages.withoutFile(SWEEP_BATCH)) {
			packages.forget(file).forEach(this::deleteQuietly);
		}
	}

	/** Claims queued files while this instance has a free worker, and packages each on one. */
	void startWork() {
		while (slots.tryAcquire()) {
			Optional<Claim> claim;
			try {
				claim = packages.claimNext(properties.lease());
			}
			catch (RuntimeException ex) {
				slots.release();
				throw ex;
			}
			if (claim.isEmpty()) {
				slots.release();
				return;
			}
			try {
				workers.execute(() -> {
					try {
						run(claim.get());
					}
					finally {
						slots.release();
					}
					startWork();
				});
			}
			catch (RejectedExecutionException ex) {
				slots.release();
				packages.release(claim.get());
				return;
			}
		}
	}

	/** Packages one claimed file; every outcome is written down, and nothing it made is left behind. */
	void run(Claim claim) {
		Optional<FileView> file = catalog.file(claim.file()).map(Catalog.OwnedFile::file);
		if (file.isEmpty() || file.get().media() == null || file.get().media().isEmpty()) {
			packages.forget(claim.file()).forEach(this::deleteQuietly);
			return;
		}
		Path dir = null;
		List<String> stored = new ArrayList<>();
		try {
			Optional<MediaInput> input = inputs.of(file.get(), properties.timeout().plusHours(1));
			if (input.isEmpty()) {
				packages.fail(claim, "The storage offers ffmpeg no way to read this file");
				return;
			}
			dir = Files.createTempDirectory("reelgate-hls-");
			HlsPackager.Packaged packaged = packager.packageInto(input.get(), file.get().media(),
					file.get().adaptiveLadder(), dir, progressOf(claim));
			commit(claim, packaged, storeRenditions(packaged, stored), stored);
		}
		catch (PackagingException ex) {
			failed(claim, ex);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Packaging file {} broke off; it is queued again", claim.file(), ex);
			releaseQuietly(claim);
		}
		finally {
			stored.forEach(this::deleteQuietly);
			deleteDirectory(dir);
		}
	}

	/** Reports progress that never goes back, and asks ffmpeg to stop once the claim or the file is gone. */
	private IntPredicate progressOf(Claim claim) {
		int[] reported = { -1 };
		return percent -> {
			boolean ours = packages.progress(claim, Math.max(percent, reported[0]), properties.lease());
			reported[0] = Math.max(percent, reported[0]);
			return ours && catalog.file(claim.file()).isPresent();
		};
	}

	/** Stores each rendition, noting every key in {@code stored} so that a failure can delete it. */
	private List<StoredRendition> storeRenditions(HlsPackager.Packaged packaged, List<String> stored)
			throws IOException {
		List<StoredRendition> renditions = new ArrayList<>();
		for (HlsPackager.Output output : packaged.renditions()) {
			StoredBlob blob;
			try (InputStream content = Files.newInputStream(output.file())) {
				blob = store.store(content, Files.size(output.file()));
			}
			stored.add(blob.key());
			renditions.add(new StoredRendition(output.name(), output.playlist(), blob.key(), blob.size(),
					blob.sha256(), output.contentType(), clock.instant()));
		}
		return renditions;
	}

	/** Records the package if the claim and the file still stand; {@code stored} is emptied once it is kept. */
	private void commit(Claim claim, HlsPackager.Packaged packaged, List<StoredRendition> renditions,
			List<String> stored) {
		boolean stillThere = catalog.file(claim.file()).isPresent();
		Optional<List<String>> replaced = stillThere
				? packages.complete(claim, packaged.method(), packaged.master(), renditions) : Optional.empty();
		if (replaced.isPresent()) {
			stored.clear();
			// The package made before was served until the commit; nothing refers to its blobs now.
			replaced.get().forEach(this::deleteQuietly);
			log.info("Packaged file {} for online playback ({}, {} renditions)", claim.file(), packaged.method(),
					renditions.size());
		}
		else if (!stillThere) {
			packages.forget(claim.file()).forEach(this::deleteQuietly);
		}
	}

	private void failed(Claim claim, PackagingException ex) {
		if (catalog.file(claim.file()).isEmpty()) {
			packages.forget(claim.file()).forEach(this::deleteQuietly);
		}
		else {
			log.info("Could not package file {}: {}", claim.file(), ex.getMessage());
			packages.fail(claim, ex.getMessage());
		}
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	private void releaseQuietly(Claim claim) {
		try {
			packages.release(claim);
		}
		catch (RuntimeException ex) {
			log.warn("Could not queue file {} again; its lease will lapse and another run take it", claim.file(), ex);
		}
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete blob {}; it is unreferenced and can be removed by hand", key, ex);
		}
	}

	private static void deleteDirectory(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete the temporary directory {}", dir, ex);
		}
	}
}
