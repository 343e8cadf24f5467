package io.reelgate.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

/**
 * A passkey made in the test: an ES256 key pair and a credential id, answering registration and sign-in challenges
 * the way a platform authenticator does (attestation "none", user present and verified), and able to lie about the
 * origin and relying party, or sign badly, so that the server's checks can be seen to refuse.
 */
final class SoftwarePasskey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final byte PRESENT_AND_VERIFIED = 0x01 | 0x04;

	private static final byte ATTESTED_DATA = 0x40;

	private final KeyPair keys;

	final byte[] credentialId = new byte[16];

	SoftwarePasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		RANDOM.nextBytes(credentialId);
	}

	String id() {
		return b64(credentialId);
	}

	/** The body of {@code POST /webauthn/register} for this passkey, made for {@code origin} and {@code rpId}. */
	Map<String, Object> registration(String challenge, String origin, String rpId, String label) {
		EC2COSEKey key = EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256);
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
				(byte) (PRESENT_AND_VERIFIED | ATTESTED_DATA), 0, new AttestedCredentialData(AAGUID.ZERO, credentialId, key));
		byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
			.convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", b64(attestation));
		response.put("clientDataJSON", b64(clientData("webauthn.create", challenge, origin)));
		response.put("transports", List.of("internal"));
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id());
		credential.put("rawId", id());
		credential.put("response", response);
		credential.put("type", "public-key");
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return Map.of("publicKey", Map.of("credential", credential, "label", label));
	}

	/** The body of {@code POST /login/webauthn}: an assertion of this passkey for the challenge. */
	Map<String, Object> assertion(String challenge, String origin, String rpId, String userHandle, boolean badSignature) {
		byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId)).put(PRESENT_AND_VERIFIED).putInt(1).array();
		byte[] clientData = clientData("webauthn.get", challenge, origin);
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.getPrivate());
			signer.update(authenticatorData);
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		if (badSignature) {
			signature[signature.length - 1] ^= 0x01;
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", b64(authenticatorData));
		response.put("clientDataJSON", b64(clientData));
		response.put("signature", b64(signature));
		response.put("userHandle", userHandle);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id());
		body.put("rawId", id());
		body.put("response", response);
		body.put("credType", "public-key");
		body.put("clientExtensionResults", Map.of());
		body.put("authenticatorAttachment", "platform");
		return body;
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
