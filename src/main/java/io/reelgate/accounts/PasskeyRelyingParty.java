package io.reelgate.accounts;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.reelgate.shared.PublicUrlProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's WebAuthn ceremonies (webauthn4j underneath), for the relying party of {@link PasskeyProperties},
 * picked up by {@code http.webAuthn(...)} as its {@link WebAuthnRelyingPartyOperations}. Two things are added: a
 * registration runs in one transaction with its security event ({@link PasskeyCredentials}), and one that fails
 * verification (forged, for another origin or RP id, a replayed credential id) is a {@link PasskeyRefusedException}
 * that the web layer answers with a 400 and a message, where Spring Security's filter would let it become a 500.
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

	private static final Logger log = LoggerFactory.getLogger(PasskeyRelyingParty.class);

	private final Webauthn4JRelyingPartyOperations ceremonies;

	private final TransactionTemplate transactions;

	private final boolean onLocalhost;

	private final boolean originsConfigured;

	/** Read by webauthn4j at each ceremony, so the port learnt at start-up on localhost takes effect. */
	private final Set<String> origins = new CopyOnWriteArraySet<>();

	PasskeyRelyingParty(PasskeyProperties properties, PublicUrlProperties publicUrl,
			PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			TransactionTemplate transactions) {
		String rpId = properties.rpId() != null ? properties.rpId() : publicUrl.publicUrl().getHost();
		this.onLocalhost = "localhost".equals(rpId);
		this.originsConfigured = !properties.allowedOrigins().isEmpty();
		if (originsConfigured) {
			origins.addAll(properties.allowedOrigins());
		}
		else {
			var url = publicUrl.publicUrl();
			origins.add(url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()));
		}
		this.ceremonies = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
				PublicKeyCredentialRpEntity.builder().id(rpId).name(properties.rpName()).build(), origins);
		this.transactions = transactions;
	}

	/** On localhost without configured origins, the port actually listened on (tests and dev use random ports). */
	@EventListener
	void started(WebServerInitializedEvent event) {
		// Not the management server's port (actuator on a port of its own): no page is served there.
		if (onLocalhost && !originsConfigured && event.getWebServer().getPort() > 0
				&& event.getApplicationContext().getServerNamespace() == null) {
			origins.add("http://localhost:" + event.getWebServer().getPort());
		}
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return ceremonies.createPublicKeyCredentialCreationOptions(request);
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		try {
			return transactions.execute(status -> ceremonies.registerCredential(request));
		}
		catch (PasskeyRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.info("Passkey registration refused: {}", ex.toString());
			throw new PasskeyRefusedException("passkey.register.refused", ex.getMessage(), ex);
		}
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return ceremonies.createCredentialRequestOptions(request);
	}

	/** Failures become Spring Security's BadCredentialsException in its provider, answered by the sign-in's handler. */
	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return ceremonies.authenticate(request);
	}
}
