package io.reelgate.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Makes small, real media files for tests: a browser can play and seek them. */
public final class Sounds {

	private Sounds() {
	}

	/** A mono 8 kHz 16-bit PCM WAV file of a sine tone, {@code seconds} long. */
	public static byte[] wav(int seconds) {
		int rate = 8000;
		int samples = rate * seconds;
		ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			data.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
		}
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
		header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
			.putInt(rate * 2).putShort((short) 2).putShort((short) 16);
		header.put("data".getBytes()).putInt(samples * 2);
		ByteArrayOutputStream wav = new ByteArrayOutputStream();
		wav.writeBytes(header.array());
		wav.writeBytes(data.array());
		return wav.toByteArray();
	}
}
