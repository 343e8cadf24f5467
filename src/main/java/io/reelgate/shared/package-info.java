/**
 * Value types every module may use: money, typed identifiers, and the refusal that carries a message code. No behaviour
 * with side effects.
 */
package io.reelgate.shared;
