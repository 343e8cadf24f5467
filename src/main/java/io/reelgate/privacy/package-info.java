/**
 * A person's own data: the export of everything Reelgate holds about their account. Reads from accounts, catalog,
 * checkout and library; nothing depends on it.
 */
package io.reelgate.privacy;
