/*
 * Showing values: attribute keys that wrap only at dots, long text cut with "show all", JSON as a
 * collapsible tree, GenAI messages as a conversation, and stack traces frame by frame.
 */
var TEXT_LIMIT = 600, JSON_TEXT_LIMIT = 300, JSON_CHILDREN = 200, JSON_OPEN_DEPTH = 4;

/**
 * An attribute key whose segments never break inside: line breaks may come only after a dot
 * (segments longer than 40 characters, which no real key has, are split every 40).
 */
function keyNode(key) {
  var el = node('span', 'key');
  var parts = String(key).split('.');
  parts.forEach(function (part, i) {
    var text = part + (i < parts.length - 1 ? '.' : '');
    for (var at = 0; at < text.length || at === 0; at += 40) {
      if (el.childNodes.length) el.appendChild(document.createElement('wbr'));
      el.appendChild(node('span', 'seg', text.slice(at, at + 40)));
      if (text.length === 0) break;
    }
  });
  return el;
}

/**
 * Text whose lines may break after the dots, slashes and colons of class names, paths and URLs
 * (dev.agenttrace.example.<wbr>OrderNotFoundException) before they break inside a word.
 */
function breakable(text, cls) {
  var el = node('span', cls);
  var parts = String(text).split(/(?<=[.\/$:(])/);
  for (var i = 0; i < parts.length; i++) {
    if (i) el.appendChild(document.createElement('wbr'));
    el.appendChild(textNode(parts[i]));
  }
  return el;
}

/** Text that shows its first limit characters and a button for the rest. */
function longText(text, limit, cls) {
  text = String(text);
  if (text.length <= limit) return breakable(text, cls || 'text');
  var el = node('span', cls || 'text');
  var shown = node('span', null, text.slice(0, limit) + '\u2026');
  var more = button('show all (' + num(text.length) + ' characters)', 'more');
  more.addEventListener('click', function (ev) {
    ev.stopPropagation();
    var all = shown.textContent.length < text.length;
    shown.textContent = all ? text : text.slice(0, limit) + '\u2026';
    more.textContent = all ? 'show less' : 'show all (' + num(text.length) + ' characters)';
  });
  el.appendChild(shown);
  el.appendChild(textNode(' '));
  el.appendChild(more);
  return el;
}

/** The value parsed, when it is a string holding a JSON object or array; else undefined. */
function parseJson(value) {
  if (typeof value !== 'string') return undefined;
  var t = value.trim();
  if (!(t.charAt(0) === '{' && t.charAt(t.length - 1) === '}') &&
      !(t.charAt(0) === '[' && t.charAt(t.length - 1) === ']')) return undefined;
  try { return JSON.parse(t); } catch (e) { return undefined; }
}

/** A JSON value as a tree whose objects and arrays fold with their toggle. */
function jsonView(value) {
  var el = node('div', 'jv');
  el.appendChild(jsonNode(value, 0));
  return el;
}

function jsonNode(value, depth) {
  if (value === null) return node('span', 'jv-null', 'null');
  if (typeof value === 'string') return longText(JSON.stringify(value), JSON_TEXT_LIMIT, 'jv-str');
  if (typeof value === 'number') return node('span', 'jv-num', String(value));
  if (typeof value === 'boolean') return node('span', 'jv-bool', String(value));
  var isArray = Array.isArray(value), keys = isArray ? null : Object.keys(value);
  var n = isArray ? value.length : keys.length;
  var open = isArray ? '[' : '{', close = isArray ? ']' : '}';
  if (n === 0) return node('span', 'jv-punct', open + close);
  var el = node('span', 'jv-node' + (depth >= JSON_OPEN_DEPTH ? ' collapsed' : ''));
  var toggle = button('\u25be', 'jv-toggle', null, 'fold or unfold');
  toggle.setAttribute('aria-label', 'fold or unfold');
  el.appendChild(toggle);
  el.appendChild(node('span', 'jv-punct', open));
  el.appendChild(node('span', 'jv-summary', isArray ? plural(n, 'item') : plural(n, 'key')));
  var children = node('div', 'jv-children');
  function add(from, to) {
    for (var i = from; i < to; i++) {
      var line = node('div', 'jv-line');
      if (!isArray) {
        line.appendChild(node('span', 'jv-key', JSON.stringify(keys[i])));
        line.appendChild(textNode(': '));
      }
      line.appendChild(jsonNode(isArray ? value[i] : value[keys[i]], depth + 1));
      if (i < n - 1) line.appendChild(textNode(','));
      children.appendChild(line);
    }
  }
  add(0, Math.min(n, JSON_CHILDREN));
  if (n > JSON_CHILDREN) {
    var rest = button('show ' + num(n - JSON_CHILDREN) + ' more', 'more', function (ev) {
      ev.stopPropagation();
      children.removeChild(rest);
      add(JSON_CHILDREN, n);
    });
    children.appendChild(rest);
  }
  el.appendChild(children);
  el.appendChild(node('span', 'jv-punct', close));
  return el;
}

/** Folds or unfolds the JSON node of a clicked toggle (one listener for the whole panel). */
function onJsonToggle(ev) {
  var toggle = ev.target.closest && ev.target.closest('.jv-toggle');
  if (!toggle) return;
  var el = toggle.parentNode;
  el.classList.toggle('collapsed');
  toggle.textContent = el.classList.contains('collapsed') ? '\u25b8' : '\u25be';
}

/** Any attribute value: a JSON tree for JSON text, cut text for long strings, else as is. */
function valueView(value) {
  var json = parseJson(value);
  if (json !== undefined && typeof json === 'object' && json !== null) return jsonView(json);
  if (typeof value === 'string') return longText(value, TEXT_LIMIT);
  return node('span', 'text', typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** Whether a value is shown below its key at full width (JSON, long or multi-line text). */
function isWide(value) {
  return typeof value === 'string' && (value.length > 200 || value.indexOf('\n') >= 0 || parseJson(value) !== undefined);
}

/** A list of key-value rows; a value is shown by valueView unless it is an element already. */
function kvList(map) {
  var list = node('div', 'kv');
  Object.keys(map).forEach(function (k) {
    var v = map[k];
    var key = node('div', 'k');
    key.appendChild(keyNode(k));
    key.setAttribute('data-key', k);
    var cell = node('div', 'v');
    cell.setAttribute('data-key', k);
    if (v instanceof Node) cell.appendChild(v);
    else cell.appendChild(valueView(v));
    if (!(v instanceof Node) && isWide(v)) cell.classList.add('wide');
    list.appendChild(key);
    list.appendChild(cell);
  });
  return list;
}

/** A titled block with a body and optional buttons (e.g. to switch to the raw JSON). */
function block(title, key, body) {
  var el = node('div', 'block');
  if (key) el.setAttribute('data-key', key);
  var head = node('div', 'block-head');
  head.appendChild(node('span', 'title', title));
  if (key) head.appendChild(node('code', 'source', key));
  el.appendChild(head);
  var content = node('div', 'block-body');
  content.appendChild(body);
  el.appendChild(content);
  return el;
}

/** JSON text indented two spaces a level, as text (long text cut with "show all"). */
function rawJson(raw) {
  var json = parseJson(raw), el = node('div', 'jv');
  el.appendChild(longText(json === undefined ? raw : JSON.stringify(json, null, 2), 20000));
  return el;
}

/** A block that shows a value rendered by view, with a button to switch to its raw JSON. */
function viewOrRaw(title, key, raw, view) {
  var rendered = view();
  if (!rendered) return block(title, key, valueView(raw));
  var el = block(title, key, rendered);
  var body = el.querySelector('.block-body'), showingRaw = false;
  el.querySelector('.block-head').appendChild(button('raw JSON', 'raw', function () {
    showingRaw = !showingRaw;
    body.textContent = '';
    body.appendChild(showingRaw ? rawJson(raw) : view());
    this.textContent = showingRaw ? 'formatted' : 'raw JSON';
  }));
  return el;
}

/*
 * GenAI messages (gen_ai.input.messages, gen_ai.output.messages, gen_ai.system_instructions): the
 * conventions' shape, [{role, parts: [{type: text|tool_call|tool_call_response, ...}], finish_reason}],
 * and OpenAI's, [{role, content, tool_calls: [{id, function: {name, arguments}}], tool_call_id}].
 */
function messageParts(m) {
  if (Array.isArray(m.parts)) return m.parts;
  var parts = [];
  if (m.tool_call_id !== undefined) {
    parts.push({ type: 'tool_call_response', id: m.tool_call_id, response: m.content });
    return parts;
  }
  if (typeof m.content === 'string') parts.push({ type: 'text', content: m.content });
  else if (Array.isArray(m.content)) {
    m.content.forEach(function (c) {
      parts.push(c && c.type === 'text' && typeof c.text === 'string' ? { type: 'text', content: c.text } : c);
    });
  }
  if (Array.isArray(m.tool_calls)) {
    m.tool_calls.forEach(function (c) {
      var f = (c && c.function) || {};
      parts.push({ type: 'tool_call', id: c && c.id, name: f.name, arguments: f.arguments });
    });
  }
  return parts;
}

/** links: function(toolCallId, isRequest) returning an element linking to the matching span, or null. */
function partView(p, links) {
  if (p === null || typeof p !== 'object') return node('div', 'part', String(p));
  var el;
  if (p.type === 'text' && (typeof p.content === 'string' || typeof p.text === 'string')) {
    el = node('div', 'part text-part');
    el.appendChild(longText(typeof p.content === 'string' ? p.content : p.text, TEXT_LIMIT));
    return el;
  }
  if (p.type === 'tool_call' || p.type === 'tool_call_response') {
    var call = p.type === 'tool_call';
    el = node('div', 'part ' + (call ? 'tool-call' : 'tool-result'));
    var head = node('div', 'part-head', (call ? '\u2192 tool call ' + (p.name || '') : '\u2190 tool result') +
      (p.id !== undefined ? '  (' + p.id + ')' : ''));
    var link = p.id !== undefined && links ? links(String(p.id), call) : null;
    if (link) { head.appendChild(textNode(' ')); head.appendChild(link); }
    el.appendChild(head);
    var body = call ? p.arguments : (p.response !== undefined ? p.response : p.result);
    if (body !== undefined) el.appendChild(typeof body === 'string' ? valueView(body) : jsonView(body));
    return el;
  }
  el = node('div', 'part');
  el.appendChild(jsonView(p));
  return el;
}

/** The messages as a conversation, or null when the value is not a list of messages. */
function messagesView(raw, links) {
  var list = parseJson(raw);
  if (!Array.isArray(list) || !list.length) return null;
  var box = node('div', 'messages');
  for (var i = 0; i < list.length; i++) {
    var m = list[i];
    if (m === null || typeof m !== 'object') return null;
    if (m.role === undefined && m.type !== undefined) {
      box.appendChild(partView(m, links)); // system instructions: a list of parts
      continue;
    }
    var role = String(m.role || 'message');
    var msg = node('details', 'message role-' + (/^[a-z_]+$/.test(role) ? role : 'other'));
    msg.open = true;
    var head = node('summary');
    head.appendChild(node('span', 'role', role));
    if (m.name) head.appendChild(textNode(' \u00b7 ' + m.name));
    if (m.finish_reason) head.appendChild(textNode(' \u00b7 finish: ' + m.finish_reason));
    msg.appendChild(head);
    messageParts(m).forEach(function (p) { msg.appendChild(partView(p, links)); });
    box.appendChild(msg);
  }
  return box;
}

/**
 * A Java (or similar) stack trace, one element per line: "at" and its frame never part, a long
 * frame wraps indented under itself, "Caused by:" lines stand out.
 */
function stackTrace(text) {
  var el = node('div', 'stack');
  var lines = String(text).split(/\r?\n/);
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i], m = /^\s*at\s+(.*)$/.exec(line);
    if (m) el.appendChild(breakable('at\u00a0' + m[1], 'frame'));
    else if (/^\s*\.\.\. \d+ more/.test(line)) el.appendChild(node('div', 'more', line.trim()));
    else if (/^\s*(Caused by|Suppressed):/.test(line)) el.appendChild(node('div', 'cause', line.trim()));
    else if (line.trim()) el.appendChild(node('div', i === 0 ? 'head' : 'line', line.trim()));
  }
  return el;
}
