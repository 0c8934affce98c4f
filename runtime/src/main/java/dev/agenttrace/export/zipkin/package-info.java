/** Export to a Zipkin server (JSON v2 over HTTP). */
package dev.agenttrace.export.zipkin;
