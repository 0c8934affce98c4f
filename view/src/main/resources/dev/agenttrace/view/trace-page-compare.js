/*
 * Two traces side by side: their totals, then step by step (durations and tokens). Steps are
 * matched by their path of span names from the root; the n-th span of one name under one parent
 * matches the n-th of the other trace. Steps only one trace has are shown in their place.
 */
var COMPARE_ROWS = 5000;

/** For each span of t, its step key: the parent's key, the name, the count among same-named siblings. */
function stepKeys(t) {
  var keys = new Array(t.spans.length), seen = new Map();
  t.spans.forEach(function (s, i) {
    var base = (s.p >= 0 ? keys[s.p] : '') + '\u0001' + s.n;
    var n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    keys[i] = base + '\u0002' + n;
  });
  return keys;
}

/** Rows [iA, iB] (-1 when a trace lacks the step) in A's order, B's extra steps after their predecessor. */
function alignSteps(a, b) {
  var keysA = stepKeys(a), keysB = stepKeys(b), inA = new Map(), inB = new Map(), after = new Map();
  keysA.forEach(function (key, i) { inA.set(key, i); });
  keysB.forEach(function (key, i) { inB.set(key, i); });
  var last = '';
  keysB.forEach(function (key, i) {
    if (inA.has(key)) { last = key; return; }
    if (!after.has(last)) after.set(last, []);
    after.get(last).push(i);
  });
  var rows = [];
  (after.get('') || []).forEach(function (j) { rows.push([-1, j]); });
  keysA.forEach(function (key, i) {
    rows.push([i, inB.has(key) ? inB.get(key) : -1]);
    (after.get(key) || []).forEach(function (j) { rows.push([-1, j]); });
  });
  return rows;
}

function delta(a, b, format) {
  var td = node('td', 'num');
  if (a === undefined || b === undefined) return td;
  var d = b - a;
  td.textContent = d === 0 ? '=' : (d > 0 ? '+' : '\u2212') + format(Math.abs(d));
  if (d !== 0) td.classList.add(d > 0 ? 'slower' : 'faster');
  return td;
}

function cell(text, cls) { return node('td', cls || 'num', text === undefined ? '' : text); }

function tokensOf(s) { return s && hasTokens(s) ? (s.ti || 0) + (s.to || 0) : undefined; }

function totalsTable(a, b) {
  var table = node('table', 'compare-totals');
  var head = node('tr');
  ['', 'A', 'B', 'B \u2212 A'].forEach(function (h) { head.appendChild(node('th', null, h)); });
  table.appendChild(head);
  var sa = a.sum, sb = b.sum;
  [['Duration', 'du', fmt], ['LLM time', 'llm', fmt], ['Tool time', 'tool', fmt], ['Other time', 'other', fmt],
    ['LLM calls', 'llmCalls', num], ['Tool calls', 'toolCalls', num], ['Input tokens', 'in', num],
    ['Output tokens', 'out', num], ['Errors', 'errors', num]].forEach(function (m) {
    var tr = node('tr');
    tr.setAttribute('data-metric', m[1]);
    tr.appendChild(cell(m[0], 'step'));
    tr.appendChild(cell(m[2](sa[m[1]])));
    tr.appendChild(cell(m[2](sb[m[1]])));
    tr.appendChild(delta(sa[m[1]], sb[m[1]], m[2]));
    table.appendChild(tr);
  });
  return table;
}

function stepsTable(a, b) {
  var table = node('table', 'compare-steps');
  var head = node('tr');
  ['Step', 'A time', 'B time', 'B \u2212 A', 'A tokens', 'B tokens', 'B \u2212 A'].forEach(function (h) {
    head.appendChild(node('th', null, h));
  });
  table.appendChild(head);
  var rows = alignSteps(a, b);
  rows.slice(0, COMPARE_ROWS).forEach(function (r) {
    var sa = r[0] >= 0 ? a.spans[r[0]] : null, sb = r[1] >= 0 ? b.spans[r[1]] : null, s = sa || sb;
    var tr = node('tr', (sa && sb ? '' : 'only') + ((sa && isError(sa)) || (sb && isError(sb)) ? ' error' : ''));
    var step = node('td', 'step');
    step.style.paddingLeft = (10 + Math.min(s.d, 30) * 14) + 'px';
    step.textContent = (sa && isError(sa) || sb && isError(sb) ? '\u2717 ' : '') + oneLine(s.n, 120) +
      (sa && sb ? '' : sa ? '  (only in A)' : '  (only in B)');
    step.title = s.n;
    tr.appendChild(step);
    tr.appendChild(cell(sa ? fmt(sa.du) : '\u2014'));
    tr.appendChild(cell(sb ? fmt(sb.du) : '\u2014'));
    tr.appendChild(delta(sa ? sa.du : undefined, sb ? sb.du : undefined, fmt));
    tr.appendChild(cell(sa && hasTokens(sa) ? tokenText(sa.ti, sa.to) : ''));
    tr.appendChild(cell(sb && hasTokens(sb) ? tokenText(sb.ti, sb.to) : ''));
    tr.appendChild(delta(tokensOf(sa), tokensOf(sb), num));
    table.appendChild(tr);
  });
  return { table: table, left: Math.max(0, rows.length - COMPARE_ROWS) };
}

function openCompare(ka, kb) {
  var el = $('compare');
  el.textContent = '';
  var headEl = node('div', 'compare-head');
  headEl.appendChild(node('strong', null, 'Compare'));
  var selA = node('select'), selB = node('select');
  selA.id = 'compare-a';
  selB.id = 'compare-b';
  selA.setAttribute('aria-label', 'Trace A');
  selB.setAttribute('aria-label', 'Trace B');
  fillTraceSelect(selA);
  fillTraceSelect(selB);
  selA.value = String(ka);
  selB.value = String(kb);
  function change() { openCompare(+selA.value, +selB.value); }
  selA.addEventListener('change', change);
  selB.addEventListener('change', change);
  headEl.appendChild(textNode('A'));
  headEl.appendChild(selA);
  headEl.appendChild(textNode('B'));
  headEl.appendChild(selB);
  headEl.appendChild(button('Close (Esc)', 'close-compare', closeCompare));
  el.appendChild(headEl);
  var a = data.traces[ka], b = data.traces[kb];
  prepare(a);
  prepare(b);
  el.appendChild(node('h3', null, 'Totals'));
  el.appendChild(totalsTable(a, b));
  el.appendChild(node('h3', null, 'Steps'));
  el.appendChild(node('p', 'hint', 'Steps are matched by their path of span names; the n-th call of a name under the same parent matches the n-th. Red: B slower or more tokens.'));
  var steps = stepsTable(a, b);
  el.appendChild(steps.table);
  if (steps.left) el.appendChild(node('p', 'hint', steps.left + ' more steps not shown.'));
  el.hidden = false;
  $('main').hidden = true;
  $('compare-button').setAttribute('aria-expanded', 'true');
  state.compareOpen = true;
}

function closeCompare() {
  $('compare').hidden = true;
  $('compare').textContent = '';
  $('main').hidden = false;
  $('compare-button').setAttribute('aria-expanded', 'false');
  state.compareOpen = false;
  render();
  viewport.focus();
}

/** What to compare the shown trace with: the previous turn of its conversation, else a neighbour. */
function defaultComparison() {
  var c = conversationOf.get(state.k);
  if (c && c.traces.indexOf(state.k) > 0) return [c.traces[c.traces.indexOf(state.k) - 1], state.k];
  if (state.k > 0) return [state.k - 1, state.k];
  return [state.k, Math.min(data.traces.length - 1, state.k + 1)];
}
