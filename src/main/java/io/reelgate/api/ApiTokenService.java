package io.reelgate.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: made, listed and revoked by their creator, and checked on every API request. A token is
 * {@value #PREFIX} followed by 256 random bits; only its SHA-256 is stored, and a request finds its token by that
 * hash, so nothing compares secrets byte by byte.
 */
@Service
@Transactional
public class ApiTokenService {

	public static final String PREFIX = "rg_pat_";

	private static final int SECRET_BYTES = 32;

	/** Last use is written at most this often per token, not on every request. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final AccountService accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokenService(ApiTokens tokens, AccountService accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Creates a token and returns it with its secret, which is not kept: whoever loses it makes a new one.
	 * @param validFor how long it works; empty for a token that works until it is revoked
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public NewToken create(AccountId owner, String name, Set<Scope> scopes, Optional<Duration> validFor) {
		byte[] bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		@Nullable Instant expiresAt = validFor.map(now::plus).orElse(null);
		ApiToken token = tokens.save(new ApiToken(owner, name, hash(secret), scopes, now, expiresAt));
		return new NewToken(token.view(now), secret);
	}

	@PreAuthorize("hasRole('CREATOR')")
	@Transactional(readOnly = true)
	public List<TokenView> tokensOf(AccountId owner) {
		Instant now = clock.instant();
		return tokens.findByOwnerIdOrderByCreatedAtDesc(owner.value()).stream().map(t -> t.view(now)).toList();
	}

	/** Revokes one of the owner's tokens; someone else's token is as unknown as one that does not exist. */
	@PreAuthorize("hasRole('CREATOR')")
	public void revoke(AccountId owner, UUID id) {
		tokens.findByIdAndOwnerId(id, owner.value())
			.orElseThrow(TokenNotFoundException::new)
			.revoke(clock.instant());
	}

	/**
	 * The caller a bearer token stands for, if the token is known, neither revoked nor expired, and its account is
	 * an active creator (suspended, banned or deleted accounts' tokens stop working at once).
	 */
	public Optional<ApiCaller> authenticate(String bearer) {
		if (!bearer.startsWith(PREFIX) || bearer.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<ApiToken> found = tokens.findByTokenHash(hash(bearer)).filter(t -> t.usableAt(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ApiToken token = found.get();
		Optional<AccountView> account = accounts.find(token.owner())
			.filter(a -> a.isActive() && a.role() == Role.CREATOR);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		tokens.touch(token.id(), now, now.minus(LAST_USED_PRECISION));
		AccountView view = account.get();
		// The principal carries no password hash: a token holder never signs in with one.
		AccountPrincipal principal = new AccountPrincipal(view.id(), view.email(), view.displayName(), "",
				view.role());
		return Optional.of(new ApiCaller(token.id(), principal, token.scopes()));
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
