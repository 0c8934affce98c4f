/*
 * The details panel of the selected span: facts, GenAI attributes and content, exceptions with
 * stack traces, events, links to other spans, the remaining attributes and the resource.
 */
var GEN_AI_ORDER = [
  'gen_ai.operation.name', 'gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.response.model',
  'gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.cache_creation.input_tokens', 'gen_ai.usage.reasoning.output_tokens',
  'gen_ai.response.finish_reasons', 'gen_ai.response.id', 'gen_ai.response.time_to_first_chunk',
  'gen_ai.agent.name', 'gen_ai.agent.description', 'gen_ai.tool.name', 'gen_ai.tool.description',
  'gen_ai.tool.call.id', 'gen_ai.conversation.id'
];
/* Content shown as blocks below the table, in this order. */
var GEN_AI_BLOCKS = [
  { key: 'gen_ai.tool.call.arguments', title: 'Tool call arguments' },
  { key: 'gen_ai.tool.call.result', title: 'Tool call result' },
  { key: 'gen_ai.system_instructions', title: 'System instructions', messages: true },
  { key: 'gen_ai.input.messages', title: 'Input messages', messages: true },
  { key: 'gen_ai.output.messages', title: 'Output messages', messages: true },
  { key: 'gen_ai.tool.definitions', title: 'Tool definitions' }
];

/* Where every span of the file is, and which spans share tool-call ids; built when first needed. */
var fileIndex = null;
function index() {
  if (fileIndex) return fileIndex;
  fileIndex = { spans: new Map(), tools: new Map(), requests: new Map() };
  data.traces.forEach(function (t, k) {
    t.spans.forEach(function (s, i) {
      fileIndex.spans.set(t.id + ':' + s.id, [k, i]);
      if (s.tc !== undefined) {
        if (!fileIndex.tools.has(s.tc)) fileIndex.tools.set(s.tc, []);
        fileIndex.tools.get(s.tc).push([k, i]);
      }
      (s.rq || []).forEach(function (c) {
        if (!fileIndex.requests.has(c.id)) fileIndex.requests.set(c.id, [k, i]);
      });
    });
  });
  return fileIndex;
}

/** A link that selects span [k, i] of the file (switching traces when needed). */
function spanLink(at, prefix) {
  var t = data.traces[at[0]], s = t.spans[at[1]];
  var link = button((prefix || '') + oneLine(s.n, 120) + (at[0] !== state.k ? ' (trace ' + (at[0] + 1) + ')' : ''),
    'span-link', function (ev) { ev.stopPropagation(); goTo(at[0], at[1]); });
  link.setAttribute('data-target-span', s.id);
  return link;
}

/** The tool span(s) that executed a tool call (same trace first), or the model span that asked. */
function toolCallLink(id, request) {
  var ix = index();
  if (request) {
    var tools = (ix.tools.get(id) || []).slice().sort(function (a, b) {
      return (a[0] === state.k ? 0 : 1) - (b[0] === state.k ? 0 : 1);
    });
    return tools.length ? spanLink(tools[0], '\u2192 ') : node('span', 'missing', 'no tool span with this id in the file');
  }
  var requester = ix.requests.get(id);
  return requester ? spanLink(requester, '\u2190 ') : null;
}

function section(title, cls) {
  var h = node('h3', cls, title);
  details.appendChild(h);
  return h;
}

function showDetails(i) {
  var t = state.trace, s = t.spans[i];
  details.textContent = '';
  details.scrollTop = 0;
  details.setAttribute('data-span-id', s.id);
  details.appendChild(node('h2', isError(s) ? 'status-error' : null, s.n));
  var badges = node('div', 'badges');
  badges.appendChild(node('span', 'badge cat-' + s.c, { agent: 'agent run', llm: 'LLM call', tool: 'tool', other: 'span' }[s.c]));
  if (isError(s)) badges.appendChild(node('span', 'badge error', 'failed'));
  details.appendChild(badges);

  var facts = {};
  facts['Status'] = s.st ? s.st + (s.sd ? ': ' + s.sd : '') : 'UNSET';
  facts['Service'] = t.services[s.s];
  facts['Kind'] = s.k;
  facts['Start'] = '+' + fmt(s.t);
  facts['Duration'] = fmt(s.du);
  facts['Self time'] = fmt(s.se);
  facts['Span ID'] = s.id;
  if (s.pid) facts['Parent span ID'] = s.pid + (s.o ? ' (missing from the input: orphan)' : '');
  facts['Trace ID'] = t.id;
  if (s.sk) facts['Clock skew'] = s.skn || ('moved with its parent by ' + fmt(Math.abs(s.sk)));
  var factList = kvList(facts);
  factList.classList.add('facts');
  if (isError(s)) factList.querySelector('.v').classList.add('status-error');
  details.appendChild(factList);

  genAiSection(s);
  exceptionsSection(s);
  eventsSection(s);
  linksSection(t, s);

  var rest = Object.create(null); // no prototype: a key named __proto__ is a key like any other
  Object.keys(s.a).forEach(function (k) { if (k.indexOf('gen_ai.') !== 0) rest[k] = s.a[k]; });
  section('Attributes');
  details.appendChild(Object.keys(rest).length ? kvList(rest) : node('p', 'hint', 'none'));
  section('Resource');
  details.appendChild(kvList(t.resources[s.r] || {}));
}

function genAiSection(s) {
  var keys = Object.keys(s.a).filter(function (k) { return k.indexOf('gen_ai.') === 0; });
  if (!keys.length && !s.m && !hasTokens(s) && s.ft === undefined) return;
  section('GenAI', 'genai');
  var rows = {}, blockKeys = GEN_AI_BLOCKS.map(function (b) { return b.key; });
  if (s.m) rows['Model'] = s.m + (s.a['gen_ai.response.model'] && s.a['gen_ai.request.model'] &&
    s.a['gen_ai.response.model'] !== s.a['gen_ai.request.model'] ? ' (asked for ' + s.a['gen_ai.request.model'] + ')' : '');
  if (hasTokens(s)) rows['Tokens'] = tokenText(s.ti, s.to) + ' (' + num((s.ti || 0) + (s.to || 0)) + ' total)';
  if (s.ft !== undefined) rows['Time to first chunk'] = fmt(s.ft) + (s.du > 0 ? ' (' + pct(s.ft, s.du) + ' of the call)' : '');
  if (s.tc !== undefined) {
    var back = toolCallLink(s.tc, false);
    if (back) {
      var requested = node('span');
      requested.appendChild(back);
      rows['Requested by'] = requested;
    }
  }
  if (s.rq && s.rq.length) {
    var list = node('ul', 'calls');
    s.rq.forEach(function (c) {
      var li = node('li', null, (c.name ? c.name + ' ' : '') + '(' + c.id + ') ');
      li.appendChild(toolCallLink(c.id, true));
      list.appendChild(li);
    });
    rows['Tool calls asked for'] = list;
  }
  var derived = kvList(rows);
  derived.classList.add('genai-summary');
  if (Object.keys(rows).length) details.appendChild(derived);
  var plain = Object.create(null);
  GEN_AI_ORDER.concat(keys.sort()).forEach(function (k) {
    if (s.a[k] !== undefined && blockKeys.indexOf(k) < 0 && !(k in plain)) plain[k] = s.a[k];
  });
  if (Object.keys(plain).length) {
    var table = kvList(plain);
    table.classList.add('genai-attributes');
    details.appendChild(table);
  }
  GEN_AI_BLOCKS.forEach(function (b) {
    var raw = s.a[b.key];
    if (raw === undefined) return;
    details.appendChild(b.messages
      ? viewOrRaw(b.title, b.key, raw, function () { return messagesView(raw, toolCallLink); })
      : block(b.title, b.key, valueView(raw)));
  });
}

function exceptionsSection(s) {
  var exceptions = (s.ev || []).filter(function (e) { return e.n === 'exception'; });
  if (!exceptions.length) return;
  section('Exceptions');
  exceptions.forEach(function (e) {
    var box = node('div', 'exception');
    var type = e.a['exception.type'], message = e.a['exception.message'];
    box.appendChild(breakable((type !== undefined ? type : 'exception') + (message !== undefined ? ': ' + oneLine(message, 2000) : ''), 'title'));
    box.appendChild(node('div', 'when', 'at +' + fmt(e.t - s.t) + ' into the span'));
    if (e.a['exception.stacktrace'] !== undefined) box.appendChild(stackTrace(e.a['exception.stacktrace']));
    var others = Object.create(null);
    Object.keys(e.a).forEach(function (k) {
      if (k !== 'exception.type' && k !== 'exception.message' && k !== 'exception.stacktrace') others[k] = e.a[k];
    });
    if (Object.keys(others).length) box.appendChild(kvList(others));
    details.appendChild(box);
  });
}

function eventsSection(s) {
  var events = (s.ev || []).filter(function (e) { return e.n !== 'exception'; });
  if (!events.length) return;
  section('Events');
  events.forEach(function (e) {
    var first = isFirstChunkEvent(e.n);
    var el = node('div', 'event' + (first ? ' first-chunk' : ''));
    if (!e.omitted) {
      el.appendChild(node('span', 'when', '+' + fmt(e.t - s.t)));
      el.appendChild(textNode(' '));
    }
    el.appendChild(node('span', 'name', e.n));
    if (first) el.appendChild(node('span', 'hint', ' \u2014 time to first chunk ' + fmt(e.t - s.t)));
    if (Object.keys(e.a).length) el.appendChild(kvList(e.a));
    details.appendChild(el);
  });
}

function linksSection(t, s) {
  if (!s.l || !s.l.length) return;
  section('Links');
  s.l.forEach(function (l) {
    var el = node('div', 'link');
    var at = index().spans.get(l.trace + ':' + l.span);
    if (at) el.appendChild(spanLink(at, '\u2192 '));
    else el.appendChild(node('span', 'missing', 'not in this file: '));
    el.appendChild(node('div', 'mono hint', 'trace ' + l.trace + ' span ' + l.span));
    if (Object.keys(l.a).length) el.appendChild(kvList(l.a));
    details.appendChild(el);
  });
}
