/* Starts the page: the selector, the first trace, and the mouse and keyboard handlers. */
function isTyping(target) {
  var tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
}

function toggleHelp(open) {
  var help = $('help');
  help.hidden = open === undefined ? !help.hidden : !open;
  $('help-button').setAttribute('aria-expanded', String(!help.hidden));
}

var searchTimer = 0;
function applySearch(value) {
  clearTimeout(searchTimer);
  if (state.query === value.trim()) return;
  state.query = value.trim();
  viewport.scrollTop = 0;
  computeRows();
  render();
}

function start() {
  if (!data.traces.length) {
    $('waterfall').appendChild(node('p', null, 'No spans in the input.')).id = 'empty';
    document.body.setAttribute('data-ready', 'true');
    return;
  }
  groupConversations();
  var traceSelect = $('trace-select');
  fillTraceSelect(traceSelect);
  traceSelect.addEventListener('change', function () { showTrace(+traceSelect.value); });
  viewport.addEventListener('scroll', function () { window.requestAnimationFrame(render); });
  window.addEventListener('resize', function () { render(); });
  rowsEl.addEventListener('click', function (ev) {
    var row = ev.target.closest('.row');
    if (!row) return;
    var i = +row.getAttribute('data-index');
    viewport.focus({ preventScroll: true });
    if (ev.target.classList.contains('toggle') && ev.target.textContent) {
      state.cursor = i;
      setFolded(i, !state.collapsed.has(i));
      return;
    }
    select(i, false);
  });
  details.addEventListener('click', onJsonToggle);
  $('compare').addEventListener('click', onJsonToggle);
  $('search').addEventListener('input', function (ev) {
    clearTimeout(searchTimer);
    var value = ev.target.value;
    searchTimer = setTimeout(function () { applySearch(value); }, 120);
  });
  $('errors-only').addEventListener('change', function (ev) {
    state.errorsOnly = ev.target.checked;
    viewport.scrollTop = 0;
    computeRows();
    render();
  });
  $('compare-button').addEventListener('click', function () {
    if (state.compareOpen) closeCompare();
    else openCompare.apply(null, defaultComparison());
  });
  $('help-button').addEventListener('click', function () { toggleHelp(); });
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var target = ev.target;
    if (target === $('search')) {
      if (ev.key === 'Enter' || ev.key === 'Escape' || ev.key === 'ArrowDown') {
        ev.preventDefault();
        applySearch(target.value);
        viewport.focus();
        if (state.rows.length && rowOf(state.cursor) < 0) moveCursor(state.rows[0]);
      }
      return;
    }
    if (isTyping(target)) return;
    if (ev.key === '/') {
      ev.preventDefault();
      $('search').focus();
      $('search').select();
      return;
    }
    if (ev.key === '?') { toggleHelp(); return; }
    if (ev.key === 'Escape') {
      if (state.compareOpen) closeCompare();
      else if (!$('help').hidden) toggleHelp(false);
      return;
    }
    if (state.compareOpen) return;
    if ((target.tagName === 'BUTTON' || target.tagName === 'SUMMARY') && (ev.key === 'Enter' || ev.key === ' ')) return;
    if (onWaterfallKey(ev)) {
      ev.preventDefault();
      if (!details.contains(target)) viewport.focus({ preventScroll: true });
    }
  });
  showTrace(0);
  viewport.focus({ preventScroll: true });
  document.body.setAttribute('data-ready', 'true');
}

start();
