/**
 * The mails Reelgate sends (receipts, account links, gifts, releases, moderation notices), over SMTP or into the
 * log.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "moderation" })
package io.reelgate.notifications;

import org.springframework.modulith.ApplicationModule;
