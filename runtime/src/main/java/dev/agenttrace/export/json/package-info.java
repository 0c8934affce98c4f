/** The JSON form of a span, as written to JSON Lines files and read back by the views. */
package dev.agenttrace.export.json;
