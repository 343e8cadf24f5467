package io.reelgate.accounts;

/** How many accounts there are, for the admin dashboard. */
public record AccountCounts(long total, long viewers, long creators, long admins, long suspendedOrBanned) {
}
