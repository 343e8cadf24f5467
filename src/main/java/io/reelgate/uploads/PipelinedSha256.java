package io.reelgate.uploads;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * An upload's resumable SHA-256, computed on a thread of its own while the request thread receives and stores the
 * next bytes, so that hashing and I/O run side by side on two cores. With the JDK's digest the hashing thread is
 * mostly idle; with the Bouncy Castle fallback ({@link ResumableSha256}), several times slower, it would otherwise
 * cap an upload at its speed.
 * <p>
 * Memory is constant: a fixed pool of {@value #BUFFERS} buffers of {@value #BUFFER_SIZE} bytes circulates between
 * the request thread, which fills one and hands it over, and the hashing thread, which gives it back once hashed.
 * Methods other than the constructor are for the request thread only.
 */
final class PipelinedSha256 implements AutoCloseable {

	static final int BUFFER_SIZE = 256 * 1024;

	static final int BUFFERS = 4;

	private static final Chunk END = new Chunk(new byte[0], 0);

	private final ResumableSha256 digest;

	/** The upload's BitTorrent piece hashes, updated by the hashing thread with the same bytes; null when not wanted. */
	private final @Nullable PieceHashing pieces;

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);

	private final BlockingQueue<Chunk> queued = new ArrayBlockingQueue<>(BUFFERS + 1);

	private final Thread hasher;

	/** Chunks handed over and not yet hashed; guarded by {@code this}. */
	private int pending;

	private volatile RuntimeException failure;

	private boolean closed;

	/** Continues hashing from a state saved by {@link #encodedState()} (or by Bouncy Castle's digest before). */
	PipelinedSha256(byte[] encodedState) {
		this(encodedState, null);
	}

	/** As {@link #PipelinedSha256(byte[])}, and feeds the same bytes to {@code pieces} on the hashing thread. */
	PipelinedSha256(byte[] encodedState, @Nullable PieceHashing pieces) {
		this.digest = ResumableSha256.restore(Sha256State.decode(encodedState));
		this.pieces = pieces;
		for (int i = 0; i < BUFFERS; i++) {
			free.add(new byte[BUFFER_SIZE]);
		}
		this.hasher = new Thread(this::run, "upload-sha256");
		hasher.setDaemon(true);
		hasher.start();
	}

	/** A buffer to fill; waits while all are still being hashed. */
	byte[] buffer() {
		try {
			byte[] buffer;
			while ((buffer = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
				if (failure != null) {
					throw failure;
				}
			}
			return buffer;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the upload's digest", ex);
		}
	}

	/** Hands over the first {@code length} bytes of a buffer from {@link #buffer()}, which must not be used again. */
	void update(byte[] buffer, int length) {
		synchronized (this) {
			pending++;
		}
		put(new Chunk(buffer, length));
	}

	/** Gives back a buffer from {@link #buffer()} without hashing anything from it. */
	void unused(byte[] buffer) {
		free.add(buffer);
	}

	/** The digest's state after every byte handed over so far, to save with a checkpoint. */
	byte[] encodedState() {
		awaitHashed();
		return digest.state().encoded();
	}

	/** The piece hashes after every byte handed over so far (null if none are computed), for the request thread. */
	@Nullable PieceHashing pieces() {
		awaitHashed();
		return pieces;
	}

	/** The SHA-256 of every byte handed over so far; the digest can go on afterwards. */
	byte[] hash() {
		awaitHashed();
		return digest.hash();
	}

	@Override
	public void close() {
		if (!closed) {
			closed = true;
			put(END);
		}
	}

	private synchronized void awaitHashed() {
		try {
			while (pending > 0 && failure == null) {
				wait();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the upload's digest", ex);
		}
		if (failure != null) {
			throw failure;
		}
	}

	private void put(Chunk chunk) {
		try {
			queued.put(chunk);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while handing bytes to the upload's digest", ex);
		}
	}

	private void run() {
		try {
			Chunk chunk;
			while ((chunk = queued.take()) != END) {
				digest.update(chunk.bytes(), 0, chunk.length());
				if (pieces != null) {
					pieces.update(chunk.bytes(), 0, chunk.length());
				}
				free.add(chunk.bytes());
				synchronized (this) {
					pending--;
					notifyAll();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				failure = ex;
				notifyAll();
			}
		}
	}

	private record Chunk(byte[] bytes, int length) {
	}
}
