package io.reelgate.api;

import java.util.Set;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;

/** Who an API request comes from: the token, its creator and what the token may do. */
public record ApiCaller(UUID tokenId, AccountPrincipal principal, Set<Scope> scopes) {
}
