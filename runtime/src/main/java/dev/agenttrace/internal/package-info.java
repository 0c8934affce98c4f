/**
 * Internals shared by the runtime's packages (id formatting, rate-limited logging). Public only
 * because Java has no narrower cross-package visibility: not API, may change in any release.
 */
package dev.agenttrace.internal;
