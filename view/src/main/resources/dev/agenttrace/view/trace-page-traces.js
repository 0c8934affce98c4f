/*
 * Traces and conversations: the selector (traces sharing gen_ai.conversation.id grouped, in
 * order, with their totals), the summary strip of the shown trace, the conversation strip.
 */

/* Conversations in the order of their first trace: [{id, traces: [k...], totals}]. */
var conversations = [], conversationOf = new Map();
function groupConversations() {
  var byId = new Map();
  data.traces.forEach(function (t, k) {
    if (t.conv === undefined) return;
    if (!byId.has(t.conv)) {
      var c = { id: t.conv, traces: [] };
      byId.set(t.conv, c);
      conversations.push(c);
    }
    byId.get(t.conv).traces.push(k);
    conversationOf.set(k, byId.get(t.conv));
  });
  conversations.forEach(function (c) {
    c.totals = totals(c.traces.map(function (k) { return data.traces[k].sum; }));
  });
}

/** The sums of several traces' summaries. */
function totals(sums) {
  var all = { du: 0, llm: 0, tool: 0, other: 0, llmCalls: 0, toolCalls: 0, errors: 0, tok: false, in: 0, out: 0 };
  sums.forEach(function (s) {
    Object.keys(all).forEach(function (key) {
      all[key] = key === 'tok' ? all.tok || s.tok : all[key] + s[key];
    });
  });
  return all;
}

function totalsText(sum) {
  return fmt(sum.du) + ' \u00b7 ' + plural(sum.llmCalls, 'LLM call') + ' \u00b7 ' + plural(sum.toolCalls, 'tool call') +
    (sum.tok ? ' \u00b7 ' + num(sum.in + sum.out) + ' tokens' : '') +
    ' \u00b7 ' + (sum.errors ? plural(sum.errors, 'error') : 'no errors');
}

function traceLabel(k) {
  var t = data.traces[k], c = conversationOf.get(k);
  return (k + 1) + '. ' + (c ? 'turn ' + (c.traces.indexOf(k) + 1) + ': ' : '') + oneLine(t.spans[0].n, 80) +
    ' \u2014 ' + fmt(t.du) + ' \u2014 ' + plural(t.spans.length, 'span') +
    (t.sum.errors ? ' \u2014 ' + t.sum.errors + ' failed' : '') + ' \u2014 ' + new Date(t.start).toISOString();
}

/** Fills a <select> with every trace, grouped by conversation when there are any. */
function fillTraceSelect(select) {
  select.textContent = '';
  function option(k) {
    var opt = node('option', null, traceLabel(k));
    opt.value = k;
    return opt;
  }
  if (!conversations.length) {
    data.traces.forEach(function (t, k) { select.appendChild(option(k)); });
    return;
  }
  var placed = new Set(), loose = null;
  data.traces.forEach(function (t, k) {
    if (placed.has(k)) return;
    var c = conversationOf.get(k);
    if (c) {
      var group = node('optgroup');
      group.label = 'Conversation ' + oneLine(c.id, 60) + ' \u2014 ' + plural(c.traces.length, 'turn') + ' \u2014 ' + totalsText(c.totals);
      c.traces.forEach(function (j) { group.appendChild(option(j)); placed.add(j); });
      select.appendChild(group);
      loose = null;
    } else {
      if (!loose) {
        loose = node('optgroup');
        loose.label = 'Not in a conversation';
        select.appendChild(loose);
      }
      loose.appendChild(option(k));
      placed.add(k);
    }
  });
}

function metric(name, label, value, sub) {
  var el = node('div', 'metric ' + name);
  el.setAttribute('data-metric', name);
  el.appendChild(node('span', 'metric-label', label));
  el.appendChild(node('span', 'metric-value', value));
  if (sub) el.appendChild(sub instanceof Node ? sub : node('span', 'metric-sub', sub));
  return el;
}

/** The strip under the header: duration, time split, calls, tokens per model, errors. */
function strip() {
  var t = state.trace, sum = t.sum, el = $('strip');
  el.textContent = '';
  el.appendChild(metric('duration', 'Duration', fmt(sum.du), plural(t.spans.length, 'span')));
  var time = metric('time', 'Time', '');
  var value = time.querySelector('.metric-value');
  var split = node('div', 'split');
  split.title = 'LLM ' + fmt(sum.llm) + ', tools ' + fmt(sum.tool) + ', other ' + fmt(sum.other) + ' (see ? for the rule)';
  [['llm', 'LLM'], ['tool', 'tools'], ['other', 'other']].forEach(function (part) {
    var seg = node('span', part[0]);
    seg.style.width = (sum.du > 0 ? 100 * sum[part[0]] / sum.du : 0) + '%';
    split.appendChild(seg);
    if (value.childNodes.length) value.appendChild(textNode(' '));
    value.appendChild(node('span', 'dot ' + part[0]));
    value.appendChild(node('span', 'part ' + part[0], part[1] + ' ' + fmt(sum[part[0]]) + ' (' + pct(sum[part[0]], sum.du) + ')'));
  });
  time.insertBefore(split, value);
  el.appendChild(time);
  el.appendChild(metric('calls', 'Calls', plural(sum.llmCalls, 'LLM call') + ' \u00b7 ' + plural(sum.toolCalls, 'tool call')));
  var models = node('ul', 'models');
  sum.models.forEach(function (m) {
    var li = node('li', null, oneLine(m.m, 60) + ': ' + (m.calls ? plural(m.calls, 'call') + ' \u00b7 ' : '') +
      (m.in || m.out ? tokenText(m.in, m.out) : 'no token counts'));
    li.title = m.m;
    models.appendChild(li);
  });
  el.appendChild(metric('tokens', 'Tokens', sum.tok ? tokenText(sum.in, sum.out) : 'not recorded',
    sum.tok && sum.models.length ? models : null));
  var errors = metric('errors', 'Errors', sum.errors ? num(sum.errors) : 'none');
  if (sum.errors) errors.classList.add('failed');
  el.appendChild(errors);
}

/** The conversation strip: which turn this is, the conversation's totals, moving between turns. */
function conversationStrip() {
  var el = $('conversation'), c = conversationOf.get(state.k);
  el.textContent = '';
  el.hidden = !c;
  if (!c) return;
  var turn = c.traces.indexOf(state.k);
  el.appendChild(textNode('Conversation '));
  var id = node('span', 'conv-id', c.id);
  id.title = c.id;
  el.appendChild(id);
  el.appendChild(node('span', 'turn', 'turn ' + (turn + 1) + ' of ' + c.traces.length));
  el.appendChild(node('span', 'conv-totals', 'all turns: ' + totalsText(c.totals) +
    (c.totals.tok ? ' (' + tokenText(c.totals.in, c.totals.out) + ')' : '')));
  var prev = button('\u2039 previous turn', 'prev-turn', function () { showTrace(c.traces[turn - 1]); });
  prev.disabled = turn === 0;
  var next = button('next turn \u203a', 'next-turn', function () { showTrace(c.traces[turn + 1]); });
  next.disabled = turn === c.traces.length - 1;
  el.appendChild(prev);
  el.appendChild(next);
  if (turn > 0) {
    el.appendChild(button('compare with previous turn', 'compare-turn', function () {
      openCompare(c.traces[turn - 1], state.k);
    }));
  }
}

function notes() {
  var t = state.trace, el = $('notes'), orphans = 0;
  el.textContent = '';
  t.spans.forEach(function (s) { if (s.o) orphans++; });
  if (orphans) el.appendChild(node('p', null, orphans + (orphans === 1 ? ' span names a parent' : ' spans name parents') + ' missing from the input; shown at the top level, marked orphan.'));
  t.skew.forEach(function (text) { el.appendChild(node('p', null, text)); });
}

function showTrace(k) {
  state.k = k;
  state.trace = data.traces[k];
  prepare(state.trace);
  $('waterfall').classList.toggle('no-info', !state.trace.hasInfo);
  $('trace-select').value = String(k);
  state.selected = -1;
  state.cursor = -1;
  state.collapsed = new Set();
  details.textContent = '';
  details.removeAttribute('data-span-id');
  details.appendChild(node('p', 'hint', 'Click a span (or press Enter on it) to see its details.'));
  viewport.scrollTop = 0;
  ticks();
  strip();
  conversationStrip();
  notes();
  computeRows();
  render();
}

/** Shows span i of trace k, selected, with its details. */
function goTo(k, i) {
  if (state.compareOpen) closeCompare();
  if (k !== state.k) showTrace(k);
  select(i, true);
}
