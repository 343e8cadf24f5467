package io.reelgate.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The test vectors of RFC 6238 (appendix B) and RFC 4648 (section 10). */
class TotpTests {

	private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
		.getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void matchesTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));
		assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
	}

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "20000000000, 353130" })
	void appCodesAreTheLastSixDigits(long seconds, String code) {
		assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void encodesSecretsAsBase32WithoutPadding(String bytes, String base32) {
		assertThat(Totp.base32(bytes.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
	}
}
