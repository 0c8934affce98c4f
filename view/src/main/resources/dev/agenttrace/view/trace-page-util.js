/*
 * Helpers shared by the page's scripts. HtmlPageRenderer concatenates the trace-page-*.js files,
 * in a fixed order (util, values, waterfall, details, traces, compare, main), into one function
 * scope inside the page, so a name declared here is visible in the files after it.
 *
 * Everything the page shows from the trace file is put into the document as text (textContent,
 * never innerHTML), so span names, attributes and messages cannot inject markup or script.
 */
var ROW = 24, OVERSCAN = 10;

function $(id) { return document.getElementById(id); }

/** A new element with an optional class and text. */
function node(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function textNode(text) { return document.createTextNode(String(text)); }

/** A <button type=button> that runs onClick. */
function button(text, cls, onClick, title) {
  var b = node('button', cls, text);
  b.type = 'button';
  if (title) b.title = title;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** A duration in nanoseconds for people: 840 µs, 2.5 ms, 212 ms, 1.23 s (as the text views). */
function fmt(ns) {
  if (ns === 0) return '0';
  var sign = ns < 0 ? '-' : '';
  ns = Math.abs(ns);
  if (ns >= 1e9) return sign + (ns / 1e9).toFixed(2) + ' s';
  if (ns >= 1e7) return sign + Math.floor(ns / 1e6) + ' ms';
  if (ns >= 1e6) return sign + (ns / 1e6).toFixed(1) + ' ms';
  return sign + Math.floor(ns / 1e3) + ' \u00b5s';
}

/** 1234567 as 1,234,567. */
function num(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n, noun) { return num(n) + ' ' + noun + (n === 1 ? '' : 's'); }

/** part as a whole percentage of whole, e.g. 57%. */
function pct(part, whole) { return whole > 0 ? Math.round(100 * part / whole) + '%' : '0%'; }

/** text on one line, cut to max characters with an ellipsis. */
function oneLine(text, max) {
  var line = String(text).replace(/\s+/g, ' ');
  return line.length > max ? line.slice(0, max - 1) + '\u2026' : line;
}

function isError(s) { return s.st === 'ERROR'; }

function hasTokens(s) { return s.ti !== undefined || s.to !== undefined; }

/** "812 in · 64 out" for a span's (or a total's) tokens. */
function tokenText(input, output) {
  return num(input || 0) + ' in \u00b7 ' + num(output || 0) + ' out';
}

/** Whether an event marks the first streamed chunk or token (as GenAiSpan reads them). */
function isFirstChunkEvent(name) {
  var n = String(name).toLowerCase().replace(/[- ]/g, '_');
  return n.indexOf('first_chunk') >= 0 || n.indexOf('first_token') >= 0;
}
