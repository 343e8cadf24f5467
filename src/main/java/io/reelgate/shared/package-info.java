/**
 * Value types every module may use: money, typed identifiers, the refusal that carries a message code, and the
 * site's public address (typed configuration). No behaviour with side effects.
 */
package io.reelgate.shared;
