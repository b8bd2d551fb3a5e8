// writ serve's page: ask a question, read its answers, explore each answer's argument map
// and the source documents behind it. Everything comes from the server's JSON API
// (/api/..., docs/serve.md); the map is laid out by Graphviz on the server (SVG whose node
// groups carry the map's node ids). Plain modern JavaScript, no build step, nothing fetched
// from elsewhere.
'use strict';

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

// el('div', {class: 'x', onclick: f}, child, 'text', ...): a DOM element.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Replaces `node`'s children with those given, leaving out null, undefined and false.
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

const STATUSES = ['established', 'accepted', 'contested', 'rejected'];

function statusPill(status) {
  return el('span', {class: 'status', dataset: {status}}, status);
}

const state = {
  info: null,
  sources: [],              // /api/sources' "sources"
  quotes: new Map(),        // quote id -> {id, quote, statements, source}
  quoteIds: new Map(),      // source + '\u0000' + quote -> quote id
  activeSource: null,
  q: '',
  perspective: '',
  assumptions: [],          // {text, on}
  answers: null,            // /api/ask
  readings: new Map(),      // answer index -> English sentence
  fullMap: null,            // /api/explain of every answer (for readings and suggestions)
  selected: null,           // answer index
  map: null,                // /api/explain of the map shown
  depth: '',
  depthAuto: false,         // choose the depth for the next map (a large one starts shallow)
  collapsed: new Set(),
  expanded: new Set(),      // nodes opened past the depth
  node: null,               // selected node id
  box: null,                // the whole map's viewBox {x, y, w, h}
  view: null,               // the viewBox shown
  busy: 0,
  seq: 0,                   // the latest question: older replies are dropped
};

// ---- The API ---------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, params = []) {
  const url = new URL(path, location.href);
  for (const [key, value] of params) url.searchParams.append(key, value);
  setBusy(+1);
  try {
    const response = await fetch(url);
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) throw new ApiError(response.status, typeof body === 'string' ? {error: body} : body);
    return body;
  } finally {
    setBusy(-1);
  }
}

// Tests (and curious people) wait for document.body.dataset.state === 'idle'.
function setBusy(delta) {
  state.busy += delta;
  document.body.dataset.state = state.busy > 0 ? 'busy' : 'idle';
}

function questionParams() {
  const params = [['q', state.q]];
  if (state.perspective) params.push(['perspective', state.perspective]);
  for (const a of state.assumptions) if (a.on) params.push(['assume', a.text]);
  return params;
}

function mapParams() {
  const params = questionParams();
  if (state.selected !== null) params.push(['answer', String(state.selected)]);
  if (state.depth) params.push(['depth', state.depth]);
  if (state.collapsed.size) params.push(['collapsed', Array.from(state.collapsed).join(',')]);
  if (state.expanded.size) params.push(['expanded', Array.from(state.expanded).join(',')]);
  return params;
}

// ---- Start -----------------------------------------------------------------------------

async function start() {
  wireControls();
  try {
    state.info = await api('/api/info');
  } catch (e) {
    showError(e);
    return;
  }
  applyLegend(state.info.legend);
  const perspective = $('#perspective');
  for (const party of state.info.parties) {
    const name = (state.info.names && state.info.names[party]) || party;
    perspective.append(el('option', {value: party}, name === party ? party : `${name} (${party})`));
  }
  const list = $('#question-list');
  for (const q of state.info.questions) list.append(el('option', {value: q}));
  for (const p of state.info.predicates || []) list.append(el('option', {value: p}));
  const info = state.info.store ? `store ${state.info.store}` : '';
  const files = state.info.files.length ? `${state.info.files.length} file${state.info.files.length > 1 ? 's' : ''}` : '';
  $('#case-info').textContent = [info, files].filter(Boolean).join(' + ');
  $('#case-info').title = state.info.files.join('\n');
  loadSources();
  readHash();
  if (state.q) ask();
}

function wireControls() {
  $('#ask-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = $('#question').value.trim();
    if (state.q) ask();
  });
  $('#perspective').addEventListener('change', () => {
    state.perspective = $('#perspective').value;
    if (state.q) ask({keepSelection: true});
  });
  $('#assume-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('#assume-input').value.trim();
    if (!text) return;
    addAssumption(text);
    $('#assume-input').value = '';
  });
  $('#suggestions-toggle').addEventListener('click', () => toggleSuggestions());
  $('#depth').addEventListener('change', () => {
    state.depth = $('#depth').value;
    state.depthAuto = false;
    state.expanded.clear();
    loadMap();
  });
  $('#expand-all').addEventListener('click', () => {
    state.collapsed.clear();
    state.expanded.clear();
    setDepth('');
    loadMap();
  });
  $('#zoom-in').addEventListener('click', () => zoomBy(1 / 1.4));
  $('#zoom-out').addEventListener('click', () => zoomBy(1.4));
  $('#zoom-fit').addEventListener('click', () => fit());
  $('#export-svg').addEventListener('click', () => {
    const text = svgText();
    if (text) download(new Blob([text], {type: 'image/svg+xml'}), `${fileStem()}.svg`);
  });
  $('#export-png').addEventListener('click', async () => {
    const blob = await pngBlob();
    if (blob) download(blob, `${fileStem()}.png`);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      $('#quote-info').hidden = true;
      toggleSuggestions(false);
      markCitingNodes([]);
    }
  });
  wireMap();
}

// The question, perspective and assumptions live in the address, so that a reload or a
// shared link shows the same thing.
function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.q = params.get('q') || '';
  state.perspective = params.get('perspective') || '';
  state.assumptions = params.getAll('assume').map((text) => ({text, on: true}));
  $('#question').value = state.q;
  $('#perspective').value = state.perspective;
  renderAssumptions();
}

function writeHash() {
  const params = new URLSearchParams();
  params.set('q', state.q);
  if (state.perspective) params.set('perspective', state.perspective);
  for (const a of state.assumptions) if (a.on) params.append('assume', a.text);
  history.replaceState(null, '', '#' + params.toString());
}

// ---- Answers ---------------------------------------------------------------------------

async function ask({keepSelection = false} = {}) {
  const seq = ++state.seq;
  const previous = keepSelection ? state.selected : null;
  writeHash();
  hideError();
  $('#question').removeAttribute('aria-invalid');
  $('#answers-summary').textContent = 'Asking…';
  let result;
  try {
    result = await api('/api/ask', questionParams());
  } catch (e) {
    if (seq !== state.seq) return;
    state.answers = null;
    renderAnswers(null);
    clearMap();
    showError(e);
    return;
  }
  if (seq !== state.seq) return;
  state.answers = result;
  state.readings = new Map();
  state.fullMap = null;
  renderAnswers(result);
  if (result.rows.length === 0) {
    clearMap();
    explainMissing(seq);
    return;
  }
  const index = previous !== null && previous < result.rows.length ? previous : 0;
  loadReadings(seq);
  selectAnswer(index, {keepView: keepSelection});
}

// A value with a line-break opportunity after each '_' and ',': long symbols wrap at
// their words, not in the middle of one.
function breakable(text) {
  const parts = [];
  for (const piece of String(text).split(/(?<=[_,])/)) parts.push(piece, el('wbr'));
  parts.pop();
  return parts;
}

function describeQuestion() {
  const parts = [];
  if (state.perspective) parts.push(`as seen by ${state.perspective}`);
  const on = state.assumptions.filter((a) => a.on).length;
  if (on) parts.push(`under ${on} assumption${on > 1 ? 's' : ''}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function renderAnswers(result) {
  const table = $('#answers');
  const head = $('thead', table);
  const body = $('tbody', table);
  head.replaceChildren();
  body.replaceChildren();
  $('#whynot').hidden = true;
  $('#warnings').hidden = true;
  if (!result) {
    table.hidden = true;
    $('#answers-summary').textContent = '';
    return;
  }
  const n = result.rows.length;
  $('#answers-summary').textContent = `${n === 0 ? 'No' : n} answer${n === 1 ? '' : 's'}${describeQuestion()}`;
  table.hidden = n === 0;
  const columns = result.columns.length ? result.columns : ['holds'];
  head.append(el('tr', {},
    columns.map((c) => el('th', {}, c)),
    result.has_status ? el('th', {}, 'status') : null,
    el('th', {}, 'reads')));
  result.rows.forEach((row, index) => {
    const values = result.columns.length ? row.values : ['yes'];
    body.append(el('tr', {dataset: {index}, onclick: () => selectAnswer(index)},
      values.map((v) => el('td', {class: 'value'}, breakable(v))),
      result.has_status ? el('td', {}, statusPill(row.status)) : null,
      el('td', {class: 'reading'}, state.readings.get(index) || '')));
  });
  if (result.warnings && result.warnings.length) {
    $('#warnings').textContent = result.warnings.map((w) => w.text).join('');
    $('#warnings').hidden = false;
  }
}

// The English sentence of each answer, from the map of every answer (a small map only).
async function loadReadings(seq) {
  if (!state.answers || state.answers.rows.length > 40) return;
  try {
    const map = await api('/api/explain', questionParams());
    if (seq !== state.seq) return;
    state.fullMap = map;
    const nodes = new Map(map.nodes.map((n) => [n.id, n]));
    map.answers.forEach((answer, index) => {
      const node = nodes.get(answer.node);
      if (node && node.text) state.readings.set(index, node.text);
    });
    $$('#answers tbody tr').forEach((tr) => {
      const reading = state.readings.get(Number(tr.dataset.index));
      if (reading) $('td.reading', tr).textContent = reading;
    });
    renderSuggestions();
  } catch (e) {
    // The readings are a nicety: the answers and the map say the same.
  }
}

async function explainMissing(seq) {
  try {
    const result = await api('/api/whynot', questionParams());
    if (seq !== state.seq) return;
    if (result.text) {
      $('#whynot').textContent = result.text;
      $('#whynot').hidden = false;
    }
  } catch (e) {
    // why-not is a help; the empty answer stands.
  }
}

function selectAnswer(index, {keepView = false} = {}) {
  state.selected = index;
  if (!keepView) {
    state.collapsed.clear();
    state.expanded.clear();
    state.node = null;
    setDepth('');
    state.depthAuto = true;
  }
  $$('#answers tbody tr').forEach((tr) => tr.classList.toggle('selected', Number(tr.dataset.index) === index));
  loadMap();
}

function showError(e) {
  const box = $('#error');
  const body = e.body || {};
  box.textContent = e.status === 503
    ? `The question took too long and was stopped (HTTP 503).\n${body.error || ''}`
    : (body.error || e.message);
  box.hidden = false;
  $('#answers-summary').textContent = e.status === 503 ? 'Stopped.' : 'The question has an error.';
  const atQuestion = (body.diagnostics || []).some((d) => d.file === 'q');
  if (atQuestion) $('#question').setAttribute('aria-invalid', 'true');
}

function hideError() {
  $('#error').hidden = true;
}

// ---- What if ---------------------------------------------------------------------------

function addAssumption(text) {
  if (!state.assumptions.some((a) => a.text === text)) state.assumptions.push({text, on: true});
  else state.assumptions.find((a) => a.text === text).on = true;
  renderAssumptions();
  if (state.q) ask({keepSelection: true});
}

function renderAssumptions() {
  const list = $('#assumptions');
  list.replaceChildren(...state.assumptions.map((a, i) => el('li', {class: a.on ? '' : 'off', title: a.on ? 'in force' : 'switched off'},
    el('input', {type: 'checkbox', checked: a.on, 'aria-label': `assume ${a.text}`, onchange: (event) => {
      a.on = event.target.checked;
      renderAssumptions();
      if (state.q) ask({keepSelection: true});
    }}),
    a.text,
    el('button', {type: 'button', title: 'remove', 'aria-label': `remove ${a.text}`, onclick: () => {
      state.assumptions.splice(i, 1);
      renderAssumptions();
      if (state.q) ask({keepSelection: true});
    }}, '×'))));
}

// What the map suggests asking "what if" about: each side's claims held true by a court,
// and each labelled defeasible rule switched off.
function suggestions() {
  const map = state.fullMap || state.map;
  if (!map) return [];
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const out = [];
  const seen = new Set(state.assumptions.map((a) => a.text));
  for (const edge of map.edges) {
    if (edge.kind !== 'concludes') continue;
    const argument = nodes.get(edge.from);
    const literal = nodes.get(edge.to);
    if (!argument || !literal || argument.rule_kind !== 'claim' || literal.status === 'established') continue;
    const text = `${literal.label}.`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({text, title: `Suppose a court finds: ${literal.text || literal.label}`});
  }
  for (const node of map.nodes) {
    if (node.kind !== 'argument' || !node.rule || node.rule_kind !== 'defeasible') continue;
    const text = `off ${node.rule}`;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({text, title: `Suppose rule ${node.rule} does not apply`});
  }
  return out;
}

function renderSuggestions() {
  const items = suggestions();
  $('#suggestions-toggle').disabled = items.length === 0;
  $('#suggestions').replaceChildren(...items.map((s) => el('li', {},
    el('button', {type: 'button', onclick: () => {
      toggleSuggestions(false);
      addAssumption(s.text);
    }}, s.title, el('code', {}, s.text)))));
}

function toggleSuggestions(open) {
  const list = $('#suggestions');
  const show = open === undefined ? list.hidden : open;
  list.hidden = !show;
  $('#suggestions-toggle').setAttribute('aria-expanded', String(show));
}

// ---- The map ---------------------------------------------------------------------------

function clearMap() {
  state.map = null;
  state.box = null;
  $('#map').replaceChildren(el('div', {id: 'map-placeholder', class: 'muted'}, 'No map: no answer is selected.'));
  $('#map-title').textContent = '';
  $('#details-body').replaceChildren('Click a node of the map.');
}

// A map this large opens at the depth that keeps it within so many nodes (a person reads
// a screenful; double-clicking a node with more below it opens it a step further).
const READABLE_NODES = 40;

function setDepth(depth) {
  state.depth = depth;
  const select = $('#depth');
  if (depth && !Array.from(select.options).some((o) => o.value === depth)) {
    select.append(el('option', {value: depth}, depth));
  }
  select.value = depth;
}

// The deepest depth at which `map` keeps at most READABLE_NODES nodes (at least 1).
function readableDepth(map) {
  const counts = new Map();
  for (const n of map.nodes) counts.set(n.depth, (counts.get(n.depth) || 0) + 1);
  let depth = 1;
  let kept = 0;
  for (const d of Array.from(counts.keys()).sort((a, b) => a - b)) {
    kept += counts.get(d);
    if (kept > READABLE_NODES) break;
    depth = Math.max(d, 1);
  }
  return depth;
}

async function loadMap() {
  if (!state.answers || state.selected === null) return;
  const seq = state.seq;
  let map, svg;
  try {
    map = await api('/api/explain', mapParams());
    if (seq !== state.seq) return;
    if (state.depthAuto) {
      state.depthAuto = false;
      if (state.depth === '' && map.nodes.length > READABLE_NODES) {
        setDepth(String(readableDepth(map)));
        map = await api('/api/explain', mapParams());
        if (seq !== state.seq) return;
      }
    }
    svg = await api('/api/map.svg', mapParams());
  } catch (e) {
    if (seq !== state.seq) return;
    if (e.status === 413 && state.depth === '') {
      // Too large to draw whole: start from the answer's nearest arguments.
      setDepth('3');
      loadMap();
      return;
    }
    showError(e);
    return;
  }
  if (seq !== state.seq) return;
  state.map = map;
  applyLegend(map.legend);
  const row = state.answers.rows[state.selected];
  $('#map-title').textContent = row ? `${state.q} — ${row.values.join(', ') || 'yes'}` : state.q;
  $('#map-title').title = $('#map-title').textContent;
  drawMap(svg);
  if (!state.fullMap) renderSuggestions();
  if (state.node && map.nodes.some((n) => n.id === state.node)) selectNode(state.node);
  else {
    state.node = null;
    const answer = map.answers[0];
    showDetails(answer ? answer.node : null);
  }
}

function nodeById(id) {
  return state.map ? state.map.nodes.find((n) => n.id === id) : undefined;
}

function drawMap(svgSource) {
  const parsed = new DOMParser().parseFromString(svgSource, 'image/svg+xml');
  const svg = document.importNode(parsed.documentElement, true);
  // Our tooltip shows the English; Graphviz's titles would pop up over it.
  $$('title', svg).forEach((t) => t.remove());
  $$('[*|title]', svg).forEach((a) => a.removeAttribute('xlink:title'));
  const box = svg.viewBox.baseVal;
  state.box = {x: box.x, y: box.y, w: box.width, h: box.height};
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  for (const g of $$('g.node', svg)) {
    const node = nodeById(g.id);
    if (!node) continue;
    g.dataset.status = node.status;
    if (state.collapsed.has(node.id)) g.classList.add('collapsed');
    if (node.hidden) g.classList.add('has-hidden');
  }
  $('#map').replaceChildren(svg);
  readableView();
}

// The first view of a map: all of it when it is readable so, else at a readable scale
// from its top (where the answer is), centred on the answer.
function readableView() {
  const panel = $('#map').getBoundingClientRect();
  const b = state.box;
  if (!b || !panel.width) return fit();
  const scale = Math.min(panel.width / b.w, panel.height / b.h);
  if (scale >= 0.55) return fit();
  const readable = 0.75;
  const w = panel.width / readable;
  const h = panel.height / readable;
  let cx = b.x + b.w / 2;
  const answer = state.map && state.map.answers[0] && document.getElementById(state.map.answers[0].node);
  if (answer) {
    const box = answer.getBBox();
    const m = svgElement().getCTM().inverse().multiply(answer.getCTM());
    cx = m.a * (box.x + box.width / 2) + m.e;
  }
  setView({x: Math.min(Math.max(cx - w / 2, b.x), b.x + b.w - w), y: b.y, w, h});
}

function svgElement() {
  return $('#map > svg');
}

function setView(view) {
  const svg = svgElement();
  if (!svg) return;
  state.view = view;
  svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
}

function fit() {
  if (state.box) setView({...state.box});
}

// Zooms by `factor` (< 1: in) keeping the point (cx, cy), in map units, where it is.
function zoomBy(factor, cx, cy) {
  const v = state.view;
  if (!v || !state.box) return;
  const w = Math.min(Math.max(v.w * factor, state.box.w / 40), state.box.w * 4);
  const f = w / v.w;
  if (cx === undefined) {
    cx = v.x + v.w / 2;
    cy = v.y + v.h / 2;
  }
  setView({x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, w: v.w * f, h: v.h * f});
}

// A point of the page in map units.
function mapPoint(clientX, clientY) {
  const svg = svgElement();
  const point = svg.createSVGPoint();
  point.x = clientX;
  point.y = clientY;
  return point.matrixTransform(svg.getScreenCTM().inverse());
}

function wireMap() {
  const map = $('#map');
  let drag = null;
  map.addEventListener('wheel', (event) => {
    if (!svgElement()) return;
    event.preventDefault();
    const p = mapPoint(event.clientX, event.clientY);
    zoomBy(event.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, {passive: false});
  map.addEventListener('pointerdown', (event) => {
    if (!svgElement() || event.button !== 0) return;
    drag = {x: event.clientX, y: event.clientY, view: {...state.view}, moved: false,
            unit: 1 / svgElement().getScreenCTM().a};
  });
  window.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    map.classList.add('dragging');
    setView({...drag.view, x: drag.view.x - dx * drag.unit, y: drag.view.y - dy * drag.unit});
  });
  window.addEventListener('pointerup', () => {
    if (drag && drag.moved) {
      // The click that follows a drag is not a click on a node.
      const swallow = (event) => event.stopPropagation();
      window.addEventListener('click', swallow, {capture: true, once: true});
      setTimeout(() => window.removeEventListener('click', swallow, {capture: true}), 0);
    }
    drag = null;
    map.classList.remove('dragging');
  });
  map.addEventListener('click', (event) => {
    const g = event.target.closest('g.node');
    if (!g || !nodeById(g.id)) return;
    // A fact drawn inside its literal's node: a click on its lines shows the fact.
    const fact = event.target.closest('text') && foldedFactAt(g.id, event.target.closest('text').textContent);
    selectNode(g.id);
    if (fact) showDetails(fact);
  });
  map.addEventListener('dblclick', (event) => {
    const g = event.target.closest('g.node');
    if (g && nodeById(g.id)) toggleCollapsed(g.id);
  });
  map.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') zoomBy(1 / 1.4);
    else if (event.key === '-') zoomBy(1.4);
    else if (event.key === '0') fit();
  });
  const tooltip = $('#tooltip');
  map.addEventListener('mouseover', (event) => {
    const g = event.target.closest('g.node');
    const node = g && nodeById(g.id);
    if (!node) return;
    fill(tooltip,
      el('div', {}, node.text || node.label, statusPill(node.status)),
      node.kind === 'argument' ? el('div', {class: 'muted', style: 'color:#c9d1da;font:12px var(--ui)'}, kindText(node)) : null);
    tooltip.hidden = false;
  });
  map.addEventListener('mousemove', (event) => {
    if (tooltip.hidden) return;
    const panel = $('#map-panel').getBoundingClientRect();
    const x = Math.min(event.clientX - panel.left + 14, panel.width - tooltip.offsetWidth - 8);
    tooltip.style.left = `${Math.max(x, 4)}px`;
    tooltip.style.top = `${event.clientY - panel.top + 16}px`;
  });
  map.addEventListener('mouseout', (event) => {
    const g = event.target.closest('g.node');
    if (g && !g.contains(event.relatedTarget)) tooltip.hidden = true;
  });
}

// Double-click: a node with more below it (collapsed, or at the depth) opens a step
// further; one showing what lies below it closes.
function toggleCollapsed(id) {
  const node = nodeById(id);
  if (state.collapsed.has(id)) state.collapsed.delete(id);
  else if (node && node.hidden) state.expanded.add(id);
  else {
    state.collapsed.add(id);
    state.expanded.delete(id);
  }
  state.node = id;
  loadMap();
}

// The facts drawn inside literal `id`'s node rather than apart (query/argue/map_dot.cpp,
// folded_facts): the literal's arguments when all are facts with no edge but their conclusion.
function foldedFacts(id) {
  const edges = state.map ? state.map.edges : [];
  const arguments_ = edges.filter((e) => e.kind === 'concludes' && e.to === id).map((e) => e.from);
  const folded = arguments_.length && arguments_.every((a) => {
    const n = nodeById(a);
    return n && n.rule_kind === 'fact' && !edges.some((e) => e.kind !== 'concludes' && (e.from === a || e.to === a));
  });
  return folded ? arguments_ : [];
}

// The folded fact of literal `id` whose lines (its quote and source, or where it is
// stated, wrapped) include `line`; null when none does.
function foldedFactAt(id, line) {
  const words = (text) => text.replace(/\s+/g, ' ').trim();
  const wanted = words(line);
  if (!wanted) return null;
  for (const factId of foldedFacts(id)) {
    const fact = nodeById(factId);
    const lines = fact.citations && fact.citations.length
      ? fact.citations.map((c) => `“${c.quote}” (${c.source})`)
      : [`stated at ${fact.place || 'a stored fact'}`];
    if (lines.some((l) => words(l).includes(wanted.replace(/…$/, '')))) return factId;
  }
  return null;
}

function selectNode(id, {center = false} = {}) {
  state.node = id;
  $$('#map g.node.selected').forEach((g) => g.classList.remove('selected'));
  const g = document.getElementById(id);
  if (g && g.closest('#map')) {
    g.classList.add('selected');
    if (center) centerOn(g);
  }
  showDetails(id);
}

function centerOn(g) {
  const box = g.getBBox();
  const v = state.view;
  // getBBox is in the group's user units, which Graphviz's top transform shifts.
  const ctm = g.getCTM();
  const root = svgElement().getCTM();
  const m = root.inverse().multiply(ctm);
  const cx = m.a * (box.x + box.width / 2) + m.e;
  const cy = m.d * (box.y + box.height / 2) + m.f;
  setView({...v, x: cx - v.w / 2, y: cy - v.h / 2});
}

// ---- Details ---------------------------------------------------------------------------

function kindText(node) {
  switch (node.rule_kind) {
    case 'claim': return `${node.denial ? 'denial' : 'claim'} by ${node.claimant}`;
    case 'fact': return 'fact';
    case 'strict': return 'strict rule';
    case 'defeasible': return 'defeasible rule';
    case 'defeater': return 'defeater';
    case 'assumption': return 'assumption (what if)';
    default: return node.rule_kind || node.kind;
  }
}

function nodeLink(id) {
  const node = nodeById(id);
  if (!node) return el('span', {class: 'muted'}, id);
  const text = node.kind === 'argument' ? `${node.rule || kindText(node)}: ${node.text || node.label}` : (node.text || node.label);
  return el('button', {type: 'button', class: 'node-link', dataset: {node: id},
                       onclick: () => selectNode(id, {center: true})}, text);
}

function linkList(ids, extra) {
  if (!ids.length) return el('span', {class: 'muted'}, 'none');
  return el('ul', {}, ids.map((id) => el('li', {}, nodeLink(id), extra ? extra(id) : null)));
}

function showDetails(id) {
  const body = $('#details-body');
  const node = id && nodeById(id);
  if (!node) {
    body.replaceChildren('Click a node of the map.');
    return;
  }
  const edges = state.map.edges;
  const into = (kinds) => edges.filter((e) => e.to === id && kinds.includes(e.kind)).map((e) => e.from);
  const outOf = (kinds) => edges.filter((e) => e.from === id && kinds.includes(e.kind)).map((e) => e.to);
  const collapse = el('button', {type: 'button', onclick: () => toggleCollapsed(id)},
    state.collapsed.has(id) || node.hidden ? 'Expand below' : 'Collapse below');
  const hidden = node.hidden ? el('span', {class: 'muted'}, ` ${node.hidden} hidden`) : null;
  if (node.kind === 'argument') {
    const beats = new Set(outOf(['beats']));
    const beaten = new Set(into(['beats']));
    const mark = (other) => beats.has(other) ? el('span', {class: 'muted'}, ' — this one prevails')
      : beaten.has(other) ? el('span', {class: 'muted'}, ' — prevails over this one') : null;
    fill(body,
      el('div', {}, el('strong', {}, node.rule || kindText(node)), ' ', statusPill(node.status), ' ', collapse, hidden),
      el('p', {class: 'sentence'}, node.text),
      el('dl', {},
        el('dt', {}, 'kind'), el('dd', {}, kindText(node)),
        node.place ? [el('dt', {}, 'written at'), el('dd', {}, el('code', {}, node.place))] : null),
      el('code', {class: 'statement'}, node.statement),
      citations(node),
      el('h2', {style: 'margin-top:12px'}, 'Concludes'), linkList(outOf(['concludes'])),
      el('h2', {style: 'margin-top:12px'}, 'Rests on'), linkList(into(['premise'])),
      el('h2', {style: 'margin-top:12px'}, 'Attacked by'), linkList(into(['rebuts', 'undercuts']), mark),
      el('h2', {style: 'margin-top:12px'}, 'Attacks'), linkList(outOf(['rebuts', 'undercuts']), mark));
  } else {
    fill(body,
      el('div', {}, el('code', {}, node.label), ' ', statusPill(node.status), ' ', collapse, hidden),
      el('p', {class: 'sentence'}, node.text || node.label),
      el('h2', {style: 'margin-top:12px'}, 'Arguments for it'), linkList(into(['concludes'])),
      el('h2', {style: 'margin-top:12px'}, 'Premise of'), linkList(outOf(['premise'])),
      into(['negates']).length || outOf(['negates']).length
        ? [el('h2', {style: 'margin-top:12px'}, 'Negation'), linkList([...into(['negates']), ...outOf(['negates'])])] : null,
      foldedFacts(id).length
        ? [el('h2', {style: 'margin-top:12px'}, 'Stated by'), foldedFacts(id).map((f) => el('div', {class: 'folded-fact'},
            el('code', {class: 'statement'}, nodeById(f).statement),
            nodeById(f).place ? el('div', {class: 'muted'}, nodeById(f).place) : null,
            citations(nodeById(f))))] : null);
  }
}

function citations(node) {
  if (!node.citations || !node.citations.length) return null;
  return el('div', {},
    el('h2', {style: 'margin-top:12px'}, 'Source'),
    node.citations.map((c) => el('div', {class: 'citation'},
      el('div', {class: 'source-name'}, c.source + (c.source_kind ? ` (${c.source_kind.replace(/_/g, ' ')})` : '')),
      c.quote ? el('button', {type: 'button', class: 'quote-link', dataset: {source: c.source},
                              onclick: () => showQuote(c.source, c.quote)}, c.quote) : null)));
}

// ---- Sources ---------------------------------------------------------------------------

async function loadSources() {
  let result;
  try {
    result = await api('/api/sources');
  } catch (e) {
    $('#source-text').textContent = `The sources could not be read: ${e.message}`;
    return;
  }
  state.sources = result.sources;
  for (const source of state.sources) {
    for (const quote of source.quotes) {
      state.quotes.set(quote.id, {...quote, source: source.name});
      state.quoteIds.set(source.name + '\u0000' + quote.quote, quote.id);
    }
  }
  const tabs = $('#source-tabs');
  tabs.replaceChildren(...state.sources.map((s) => el('button', {type: 'button', role: 'tab', dataset: {source: s.name},
    title: s.attributes.title || s.name, onclick: () => showSource(s.name)},
    s.name, s.document && s.document.segments ? '' : ' (no text)')));
  const first = state.sources.find((s) => s.document && s.document.segments) || state.sources[0];
  if (first) showSource(first.name);
  else $('#source-text').textContent = 'The knowledge base declares no sources.';
}

function showSource(name) {
  const source = state.sources.find((s) => s.name === name);
  if (!source) return;
  state.activeSource = name;
  $$('#source-tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.source === name)));
  const text = $('#source-text');
  const attributes = Object.entries(source.attributes).filter(([k]) => k !== 'file')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`).join(' · ');
  const parts = [el('div', {class: 'attributes'}, attributes || (source.declared ? '' : 'not declared with #source'))];
  if (source.document && source.document.segments) {
    for (const segment of source.document.segments) {
      if (!segment.quotes) parts.push(document.createTextNode(segment.text));
      else parts.push(el('mark', {class: segment.quotes.length > 1 ? 'overlap' : '', dataset: {quotes: segment.quotes.join(' ')},
                                  onclick: () => showQuoteInfo(segment.quotes)}, segment.text));
    }
    const unfound = source.quotes.filter((q) => q.found === false);
    if (unfound.length) {
      parts.push(el('div', {class: 'unfound'}, 'Quoted, but not found in the document:',
        el('ul', {}, unfound.map((q) => el('li', {}, el('a', {href: '#', onclick: (e) => {
          e.preventDefault();
          showQuoteInfo([q.id]);
        }}, q.quote))))));
    }
  } else {
    parts.push(el('p', {class: 'muted', style: 'font:13px var(--ui)'}, 'No document text; the quotes that cite this source:'));
    parts.push(el('ul', {style: 'white-space:normal'}, source.quotes.map((q) => el('li', {},
      el('mark', {dataset: {quotes: q.id}, onclick: () => showQuoteInfo([q.id])}, q.quote)))));
  }
  text.replaceChildren(...parts);
  text.scrollTop = 0;
}

// Shows a cited quote in its document: its tab, scrolled to where it occurs, flashing.
function showQuote(sourceName, quote) {
  const id = state.quoteIds.get(sourceName + '\u0000' + quote);
  if (!id) return false;
  if (state.activeSource !== sourceName) showSource(sourceName);
  const mark = $$('#source-text mark').find((m) => m.dataset.quotes.split(' ').includes(id));
  showQuoteInfo([id]);
  if (!mark) return false;
  mark.scrollIntoView({block: 'center', inline: 'nearest'});
  for (const m of $$('#source-text mark.flash')) m.classList.remove('flash');
  void mark.offsetWidth;  // restart the animation
  mark.classList.add('flash');
  return true;
}

// What a highlighted passage supports: the statements citing each quote in it, and the
// nodes of the map shown that cite it (clicking one selects it).
function showQuoteInfo(ids) {
  const box = $('#quote-info');
  const nodes = [];
  const content = ids.map((id) => {
    const quote = state.quotes.get(id);
    if (!quote) return null;
    const citing = state.map ? state.map.nodes.filter((n) => (n.citations || []).some(
      (c) => c.source === quote.source && c.quote === quote.quote)).map((n) => n.id) : [];
    nodes.push(...citing);
    return el('div', {dataset: {quote: id}},
      el('div', {style: 'font-style:italic;font-family:var(--text)'}, `“${quote.quote}”`),
      el('div', {class: 'muted'}, `supports ${quote.statements.length} statement${quote.statements.length === 1 ? '' : 's'}:`),
      el('ul', {}, quote.statements.map((s) => el('li', {}, el('code', {}, s)))),
      citing.length ? [el('div', {class: 'muted'}, 'in this map:'), el('ul', {}, citing.map((n) => el('li', {}, nodeLink(n))))]
        : el('div', {class: 'muted'}, state.map ? 'not in this map' : ''));
  });
  fill(box, el('button', {type: 'button', class: 'close', title: 'close', onclick: () => {
    box.hidden = true;
    markCitingNodes([]);
  }}, '×'), ...content);
  box.hidden = false;
  markCitingNodes(nodes);
}

function markCitingNodes(ids) {
  const set = new Set(ids);
  $$('#map g.node').forEach((g) => g.classList.toggle('cites-quote', set.has(g.id)));
}

// ---- Legend and export -----------------------------------------------------------------

function applyLegend(legend) {
  if (!legend) return;
  for (const status of STATUSES) if (legend[status]) document.documentElement.style.setProperty(`--${status}`, legend[status]);
  fill($('#legend'),
    ...STATUSES.map((s) => el('span', {}, el('span', {class: 'swatch', style: `border-color:var(--${s});background:color-mix(in srgb, var(--${s}) 20%, white)`}), s)),
    el('span', {}, '→ supports'),
    el('span', {style: 'color:var(--rejected)'}, '→ attacks'));
}

function fileStem() {
  return ('writ-' + state.q.replace(/[^A-Za-z0-9_]+/g, '-')).replace(/-+$/, '').slice(0, 80) || 'writ-map';
}

// The whole map (not the part zoomed into) as a standalone SVG document.
function svgText() {
  const svg = svgElement();
  if (!svg || !state.box) return null;
  const copy = svg.cloneNode(true);
  const b = state.box;
  copy.setAttribute('viewBox', `${b.x} ${b.y} ${b.w} ${b.h}`);
  copy.setAttribute('width', String(Math.ceil(b.w)));
  copy.setAttribute('height', String(Math.ceil(b.h)));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  $$('.selected, .cites-quote', copy).forEach((n) => n.classList.remove('selected', 'cites-quote'));
  return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + new XMLSerializer().serializeToString(copy);
}

// The whole map as a PNG, at twice its size (within what a canvas can hold).
async function pngBlob() {
  const text = svgText();
  if (!text) return null;
  const image = new Image();
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  await image.decode();
  const scale = Math.min(2, 16000 / Math.max(state.box.w, state.box.h));
  const canvas = el('canvas', {width: Math.ceil(state.box.w * scale), height: Math.ceil(state.box.h * scale)});
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

function download(blob, name) {
  const link = el('a', {href: URL.createObjectURL(blob), download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// For tests and the console: the page's state and actions.
window.writ = {state, ask, selectAnswer, selectNode, showQuote, svgText, pngBlob, fit, zoomBy};

document.body.dataset.state = 'idle';
start();
