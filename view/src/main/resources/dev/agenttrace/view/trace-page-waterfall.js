/*
 * The waterfall: one row per span, only the rows in view in the document (so 10,000 spans scroll
 * like ten), folding, search, "errors only", the keyboard cursor.
 */
var data = JSON.parse($('trace-data').textContent);
var viewport = $('viewport'), spacer = $('spacer'), rowsEl = $('rows'), details = $('details');
var state = {
  k: -1, trace: null, rows: [], rowOf: null, cursor: -1, selected: -1,
  collapsed: new Set(), query: '', errorsOnly: false, compareOpen: false
};
var TOOL_ARGS = 'gen_ai.tool.call.arguments', TOOL_RESULT = 'gen_ai.tool.call.result';

/*
 * Once per trace: where each subtree ends (spans are depth first), the text search looks at, and
 * whether any span has something for the at-a-glance column (else the column is left out).
 */
function prepare(trace) {
  if (trace.end) return;
  var spans = trace.spans, n = spans.length, end = new Int32Array(n), stack = [];
  for (var i = 0; i < n; i++) {
    while (stack.length && spans[stack[stack.length - 1]].d >= spans[i].d) end[stack.pop()] = i;
    stack.push(i);
    spans[i].lc = (spans[i].n + ' ' + trace.services[spans[i].s] + (spans[i].m ? ' ' + spans[i].m : '')).toLowerCase();
    if (!trace.hasInfo) trace.hasInfo = !!spans[i].m || hasTokens(spans[i]) || spans[i].a[TOOL_ARGS] !== undefined || spans[i].a[TOOL_RESULT] !== undefined;
  }
  while (stack.length) end[stack.pop()] = n;
  trace.end = end;
}

function filtering() { return !!(state.query || state.errorsOnly); }

/** Whether span s passes the search and the "errors only" switch. */
function matches(s) {
  return (!state.query || s.lc.indexOf(state.query.toLowerCase()) >= 0) && (!state.errorsOnly || isError(s));
}

function computeRows() {
  var t = state.trace, spans = t.spans, rows = [], i;
  if (filtering()) {
    for (i = 0; i < spans.length; i++) if (matches(spans[i])) rows.push(i);
  } else {
    for (i = 0; i < spans.length; i = state.collapsed.has(i) ? t.end[i] : i + 1) rows.push(i);
  }
  state.rows = rows;
  state.rowOf = null;
  spacer.style.height = (rows.length * ROW) + 'px';
  headerSummary();
}

/** The row number showing span i, or -1 when it is folded away or filtered out. */
function rowOf(i) {
  if (!state.rowOf) {
    state.rowOf = new Map();
    for (var r = 0; r < state.rows.length; r++) state.rowOf.set(state.rows[r], r);
  }
  var r2 = state.rowOf.get(i);
  return r2 === undefined ? -1 : r2;
}

function headerSummary() {
  var t = state.trace, el = $('summary');
  el.textContent = '';
  var filtered = filtering();
  el.appendChild(textNode(
    (filtered ? state.rows.length + ' of ' : '') + t.spans.length + (t.spans.length === 1 ? ' span' : ' spans') +
    (filtered ? ' match' : '') + ' \u00b7 ' + fmt(t.du) + ' \u00b7 ' + t.services.join(', ')));
  if (t.sum.errors) {
    el.appendChild(textNode(' \u00b7 '));
    el.appendChild(node('span', 'errors', plural(t.sum.errors, 'error')));
  }
}

function highlight(parent, text, q) {
  var at = q ? text.toLowerCase().indexOf(q) : -1;
  if (at < 0) { parent.appendChild(textNode(text)); return; }
  parent.appendChild(textNode(text.slice(0, at)));
  parent.appendChild(node('mark', null, text.slice(at, at + q.length)));
  parent.appendChild(textNode(text.slice(at + q.length)));
}

/** The at-a-glance column: model and tokens of model calls, captured input and result of tools. */
function infoCell(s) {
  var cell = node('div', 'info');
  if (s.m) {
    var model = node('span', 'model', s.m);
    model.title = s.m;
    cell.appendChild(model);
  }
  if (hasTokens(s)) {
    var tokens = node('span', 'tokens', num(s.ti || 0) + ' \u2192 ' + num(s.to || 0) + ' tok');
    tokens.title = num(s.ti || 0) + ' input tokens, ' + num(s.to || 0) + ' output tokens';
    cell.appendChild(tokens);
  }
  var args = s.a[TOOL_ARGS], result = s.a[TOOL_RESULT];
  if (args !== undefined || result !== undefined) {
    var text = (args !== undefined ? oneLine(args, 200) : '') +
      (result !== undefined ? ' \u2192 ' + oneLine(result, 200) : '');
    var io = node('span', 'io', text);
    io.title = (args !== undefined ? 'arguments: ' + oneLine(args, 500) : '') +
      (result !== undefined ? '\nresult: ' + oneLine(result, 500) : '');
    cell.appendChild(io);
  }
  return cell;
}

function rowFor(i, r) {
  var t = state.trace, s = t.spans[i], q = state.query.toLowerCase();
  var row = node('div', 'row' + (isError(s) ? ' error' : '') + (i === state.selected ? ' selected' : '') +
    (i === state.cursor ? ' cursor' : ''));
  row.style.top = (r * ROW) + 'px';
  row.setAttribute('data-index', i);
  row.setAttribute('data-span-id', s.id);
  var label = node('div', 'label');
  label.style.paddingLeft = (6 + Math.min(s.d, 40) * 14) + 'px';
  var hasChildren = t.end[i] > i + 1 && !filtering();
  label.appendChild(node('span', 'toggle', hasChildren ? (state.collapsed.has(i) ? '\u25b8' : '\u25be') : ''));
  if (isError(s)) label.appendChild(node('span', 'errmark', '\u2717'));
  var name = node('span', 'name');
  highlight(name, s.n, q);
  label.appendChild(name);
  if (t.services.length > 1) label.appendChild(node('span', 'svc', t.services[s.s]));
  if (s.o) label.appendChild(node('span', 'flag', 'orphan'));
  if (s.sk) label.appendChild(node('span', 'flag', 'skew-adjusted'));
  label.title = oneLine(s.n, 300) + ' (' + fmt(s.du) + ')' + (isError(s) ? ' ERROR' + (s.sd ? ': ' + oneLine(s.sd, 300) : '') : '');
  row.appendChild(label);
  row.appendChild(infoCell(s));
  var cell = node('div', 'bar-cell');
  var left = t.du > 0 ? 100 * s.t / t.du : 0, width = t.du > 0 ? 100 * s.du / t.du : 100;
  var bar = node('div', 'bar cat-' + s.c + (isError(s) ? ' error' : ''));
  bar.style.left = left + '%';
  bar.style.width = width + '%';
  if (s.ft !== undefined && s.du > 0) {
    var tick = node('span', 'ttft');
    tick.style.left = Math.min(100, 100 * s.ft / s.du) + '%';
    tick.title = 'first chunk after ' + fmt(s.ft);
    bar.appendChild(tick);
  }
  cell.appendChild(bar);
  var dur = node('span', 'dur', fmt(s.du));
  dur.style.left = 'calc(' + (left + width) + '% + 4px)';
  cell.appendChild(dur);
  row.appendChild(cell);
  return row;
}

function render() {
  var top = viewport.scrollTop, height = viewport.clientHeight || 600;
  var first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  var last = Math.min(state.rows.length, Math.ceil((top + height) / ROW) + OVERSCAN);
  var frag = document.createDocumentFragment();
  for (var r = first; r < last; r++) frag.appendChild(rowFor(state.rows[r], r));
  rowsEl.textContent = '';
  rowsEl.appendChild(frag);
}

function ticks() {
  var el = $('ticks');
  el.textContent = '';
  [0, 0.25, 0.5, 0.75, 1].forEach(function (f) {
    var tick = node('span', 'tick', fmt(state.trace.du * f));
    tick.style.left = (f * 100) + '%';
    el.appendChild(tick);
  });
}

/** Scrolls so that row r is in view (centred when it was out of view). */
function reveal(r) {
  if (r < 0) return;
  if (r * ROW < viewport.scrollTop || (r + 1) * ROW > viewport.scrollTop + viewport.clientHeight) {
    viewport.scrollTop = Math.max(0, r * ROW - viewport.clientHeight / 2);
  }
}

/** Makes span i visible: unfolds its ancestors, clears a filter that hides it. */
function unhide(i) {
  var t = state.trace, changed = false;
  if (filtering() && matches(t.spans[i])) return;
  if (filtering()) {
    state.query = '';
    $('search').value = '';
    state.errorsOnly = false;
    $('errors-only').checked = false;
    changed = true;
  }
  for (var p = t.spans[i].p; p >= 0; p = t.spans[p].p) {
    if (state.collapsed.delete(p)) changed = true;
  }
  if (changed) computeRows();
}

function moveCursor(i) {
  state.cursor = i;
  reveal(rowOf(i));
  render();
}

/** Selects span i of the current trace: cursor on it, details shown, row in view. */
function select(i, scroll) {
  unhide(i);
  state.cursor = i;
  state.selected = i;
  if (scroll) reveal(rowOf(i));
  render();
  showDetails(i);
}

function setFolded(i, folded) {
  var t = state.trace;
  if (t.end[i] <= i + 1 || filtering()) return false;
  if (folded === state.collapsed.has(i)) return false;
  if (folded) state.collapsed.add(i); else state.collapsed.delete(i);
  computeRows();
  render();
  return true;
}

/** Arrow keys, Home/End, PageUp/PageDown, Enter and left/right on the waterfall. */
function onWaterfallKey(ev) {
  var rows = state.rows;
  if (!rows.length) return false;
  var r = rowOf(state.cursor), page = Math.max(1, Math.floor(viewport.clientHeight / ROW) - 1);
  switch (ev.key) {
    case 'ArrowDown': r = r < 0 ? 0 : Math.min(rows.length - 1, r + 1); break;
    case 'ArrowUp': r = r < 0 ? 0 : Math.max(0, r - 1); break;
    case 'PageDown': r = Math.min(rows.length - 1, Math.max(0, r) + page); break;
    case 'PageUp': r = Math.max(0, r - page); break;
    case 'Home': r = 0; break;
    case 'End': r = rows.length - 1; break;
    case 'Enter':
      if (state.cursor >= 0 && r >= 0) select(state.cursor, true);
      return true;
    case 'ArrowRight':
      if (state.cursor >= 0) setFolded(state.cursor, false);
      return true;
    case 'ArrowLeft':
      if (state.cursor < 0) return true;
      if (!setFolded(state.cursor, true)) {
        var parent = state.trace.spans[state.cursor].p;
        if (parent >= 0 && rowOf(parent) >= 0) moveCursor(parent);
      }
      return true;
    default: return false;
  }
  moveCursor(rows[r]);
  return true;
}
