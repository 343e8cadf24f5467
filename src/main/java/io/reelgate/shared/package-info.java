/** Value types every module may use: money and typed identifiers. No behaviour with side effects. */
package io.reelgate.shared;
