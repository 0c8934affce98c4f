/**
 * Views of finished traces: text tree, timeline, folded stacks, SVG flame graph, Jaeger JSON, the
 * self-contained HTML trace page, and the {@code view} command line. Reads spans from memory or
 * from JSON Lines files; never on a traced call's path.
 */
package dev.agenttrace.view;
