package io.reelgate.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the bundle editor starts a new bundle with, as the operator sets it: a shop of paid films wants new drafts
 * priced, not free for everyone.
 *
 * @param gate the gate of a new bundle; {@code PAID} and {@code PWYW} take {@code price} (the fixed price, or the
 * minimum and suggested amount) in {@code currency}
 * @param currency the currency the editor proposes for a price; blank means {@code reelgate.catalog.default-currency}
 * @param price the amount a {@code PAID} or {@code PWYW} default starts with, as a creator would type it ("4.99")
 */
@ConfigurationProperties("reelgate.studio.defaults")
record StudioDefaults(@DefaultValue("FREE") Gate gate, @Nullable String currency, @DefaultValue("4.99") String price) {
}
