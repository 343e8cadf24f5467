package io.reelgate.web;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the operator keeps the policy pages' text.
 *
 * @param directory a folder of Markdown files named after the pages ({@code terms.md}, {@code refunds.md},
 * {@code privacy.md}, {@code copyright.md}, {@code contact.md}); a page without a file there shows the text Reelgate
 * ships, which the operator should read and replace
 */
@ConfigurationProperties("reelgate.policies")
record PolicyProperties(@DefaultValue("config/policies") Path directory) {
}
