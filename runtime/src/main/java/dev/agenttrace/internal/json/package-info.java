/**
 * A small JSON writer and reader used by the exporters, the generated proxies' argument capture and
 * the views. Not API, may change in any release.
 */
package dev.agenttrace.internal.json;
