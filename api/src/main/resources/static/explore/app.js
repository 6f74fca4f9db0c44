// The table builder: the reader's choices live in the URL's query string (so a link rebuilds the table and the back
// button steps through the choices); each choice asks the public API (query.js), lays the answers out (model.js) and
// renders table, chart, legend, downloads and the query. No number is computed here.

import { t, LANGS } from './i18n.js';
import { graphql, download, token, setToken, ApiError } from './api.js';
import { BOOTSTRAP, SUBJECTS, OUTREACH_METRICS, schemaInfo, plan, documents, csvUrl, jsonstatUrl, curl, yearRange, isSeries } from './query.js';
import { statsTable, outreachTable } from './model.js';
import { renderTable, label, h } from './table.js';
import { renderChart } from './chart.js';
import { chartOf, finding } from './figure.js';
import { toExcel } from './csv.js';

const $ = id => document.getElementById(id);
const MAX_DIMS_ANONYMOUS = 2;
const MAX_DIMS_TOKEN = 4;

let info = null;
let state = null;
let generation = 0;
let startedAt = 0;
let lastTable = null;
let lastPlan = null;
let notices = [];

// ---- state and URL -------------------------------------------------------------------------------------------

function defaults() {
  const years = info.years;
  const last = years.length ? years[years.length - 1] : new Date().getFullYear();
  return { lang: 'da', subject: 'persons', from: last, to: last, dims: [], filters: {}, view: 'counts', sort: '', metric: 'contacts', chart: 'columns' };
}

/**
 * What a reader lands on without a choice in the URL: every year there is, as a line, so that the first view says
 * something (a single year without a breakdown is one number).
 */
function landing(lang) {
  const years = info.years;
  const s = defaults();
  s.lang = lang;
  if (years.length > 1) {
    s.from = years[0];
    s.chart = 'line';
  }
  return s;
}

function fromUrl(search) {
  const q = new URLSearchParams(search);
  const chosen = [...q.keys()].some(k => k !== 'lang');
  if (!chosen) {
    return landing(LANGS.includes(q.get('lang')) ? q.get('lang') : 'da');
  }
  const s = defaults();
  if (LANGS.includes(q.get('lang'))) s.lang = q.get('lang');
  if (SUBJECTS[q.get('subject')]) s.subject = q.get('subject');
  const subject = info.subjects[s.subject];
  const year = v => (/^\d{4}$/.test(v || '') ? Number(v) : null);
  s.from = year(q.get('from')) ?? s.from;
  s.to = year(q.get('to')) ?? s.from;
  if (s.from > s.to) {
    // a reversed range is read as the range it names, and the reader is told
    notices.push(['yearsSwapped', { from: s.from, to: s.to }]);
    [s.from, s.to] = [s.to, s.from];
  }
  s.dims = (q.get('by') || '').split(',').filter(d => subject.dimensions.includes(d));
  s.dims = s.dims.filter((d, i) => s.dims.indexOf(d) === i);
  for (const [k, v] of q.entries()) {
    if (k.startsWith('f.') && subject.filterField[k.slice(2)]) {
      s.filters[k.slice(2)] = v.split(',').filter(Boolean);
    }
  }
  if (['counts', 'shares'].includes(q.get('view'))) s.view = q.get('view');
  if (/^[\w:.-]+:(asc|desc)$/.test(q.get('sort') || '')) s.sort = q.get('sort');
  if (OUTREACH_METRICS.includes(q.get('metric'))) s.metric = q.get('metric');
  if (q.get('chart') === 'line') s.chart = 'line';
  return s;
}

function toUrl(s) {
  const q = new URLSearchParams();
  q.set('lang', s.lang);
  q.set('subject', s.subject);
  q.set('from', s.from);
  q.set('to', s.to);
  if (s.dims.length) q.set('by', s.dims.join(','));
  for (const [d, values] of Object.entries(s.filters)) {
    q.set(`f.${d}`, values.join(','));
  }
  if (s.view !== 'counts') q.set('view', s.view);
  if (s.sort) q.set('sort', s.sort);
  if (s.subject === 'outreach' && s.metric !== 'contacts') q.set('metric', s.metric);
  if (s.chart === 'line') q.set('chart', 'line');
  return `${location.pathname}?${q.toString()}`;
}

/** A choice: the new state goes into the history (one entry per choice), then the table is rebuilt. */
function choose(change) {
  startedAt = performance.now();
  notices = [];
  state = { ...state, ...change };
  if (change.subject) {
    state.dims = [];
    state.filters = {};
    state.sort = '';
  }
  history.pushState(null, '', toUrl(state));
  update();
}

window.addEventListener('popstate', () => {
  startedAt = performance.now();
  notices = [];
  state = fromUrl(location.search);
  update();
});

// ---- labels --------------------------------------------------------------------------------------------------

function dimensionLabel(d) {
  const dim = info.codebook.get(d);
  return dim ? dim[state.lang] : d;
}

function codesOf(d) {
  return info.codebook.get(d)?.codes || [];
}

// ---- controls ------------------------------------------------------------------------------------------------

function options(select, list, value) {
  const signature = JSON.stringify(list);
  if (select.dataset.signature !== signature) {
    select.replaceChildren(...list.map(([v, text]) => h('option', { value: v }, text)));
    select.dataset.signature = signature;
  }
  select.value = value;
}

function radios(container, name, list, value, onChange) {
  const signature = JSON.stringify(list);
  if (container.dataset.signature !== signature) {
    container.replaceChildren(...list.map(([v, text]) => {
      const input = h('input', { type: 'radio', name, value: v, id: `${name}-${v}` });
      input.addEventListener('change', () => onChange(v));
      return h('label', { class: 'radio', for: `${name}-${v}` }, input, ' ', text);
    }));
    container.dataset.signature = signature;
  }
  for (const input of container.querySelectorAll('input')) {
    input.checked = input.value === value;
  }
}

function maxDims() {
  return (token() ? MAX_DIMS_TOKEN : MAX_DIMS_ANONYMOUS) - (isSeries(state) ? 1 : 0);
}

function renderControls() {
  const lang = state.lang;
  const subject = info.subjects[state.subject];
  document.documentElement.lang = lang;
  document.title = `${t(lang, 'title')} · ${lang === 'da' ? 'Center mod Menneskehandel' : 'Danish Centre against Human Trafficking'}`;
  for (const e of document.querySelectorAll('[data-t]')) {
    e.textContent = t(lang, e.dataset.t);
  }
  const other = lang === 'da' ? 'en' : 'da';
  $('lang-switch').textContent = t(lang, 'switchLang');
  $('lang-switch').lang = other;

  radios($('subjects'), 'subject', Object.keys(SUBJECTS).map(k => [k, t(lang, `subject.${k}`)]), state.subject,
    v => choose({ subject: v }));
  const years = info.years.length ? yearRange({ from: info.years[0], to: info.years[info.years.length - 1] }) : [state.from];
  options($('year-from'), years.map(y => [String(y), String(y)]), String(state.from));
  options($('year-to'), years.map(y => [String(y), String(y)]), String(state.to));
  // the end year cannot come before the start year
  for (const o of $('year-to').options) {
    o.disabled = Number(o.value) < state.from;
  }

  // dimensions: one select per allowed dimension; a select offers the dimensions not chosen before it
  const dims = $('dims');
  // a select for each dimension the URL names, even beyond what may be asked without a token, so that the reader
  // sees every one and can remove it
  const n = Math.max(1, maxDims(), state.dims.length);
  const wanted = Array.from({ length: n }, (_, i) => i);
  if (dims.children.length !== n) {
    dims.replaceChildren(...wanted.map(i => {
      const select = h('select', { id: `dim-${i}` });
      select.addEventListener('change', () => {
        const chosen = state.dims.slice(0, i);
        if (select.value) {
          chosen.push(select.value);
          chosen.push(...state.dims.slice(i + 1).filter(d => d !== select.value));
        }
        choose({ dims: chosen, sort: '' });
      });
      return h('label', { class: 'dim' }, h('span', { 'data-dim-label': i }), ' ', select);
    }));
  }
  wanted.forEach(i => {
    dims.querySelector(`[data-dim-label="${i}"]`).textContent = t(lang, i === 0 ? 'dimension' : 'thenBy');
    const select = $(`dim-${i}`);
    const before = state.dims.slice(0, i);
    const list = [['', t(lang, 'none')], ...subject.dimensions.filter(d => !before.includes(d)).map(d => [d, dimensionLabel(d)])];
    options(select, list, state.dims[i] || '');
    select.disabled = i > state.dims.length;
    select.closest('label').hidden = i > state.dims.length || (i === state.dims.length && i >= maxDims());
    select.closest('label').classList.toggle('dim--over', i < state.dims.length && i >= Math.max(1, maxDims()));
  });
  const over = state.dims.length > Math.max(1, maxDims());
  $('dims-hint').hidden = !over;
  $('dims-hint').textContent = over ? t(lang, 'dimsTooMany', { max: Math.max(1, maxDims()) }) : '';

  renderFilters();

  radios($('views'), 'view', [['counts', t(lang, 'counts')], ['shares', t(lang, 'shares')]], state.view,
    v => choose({ view: v }));
  $('views').hidden = subject.outreach;
  $('metric-label').hidden = !subject.outreach;
  options($('metric'), OUTREACH_METRICS.map(m => [m, t(lang, `outreach.${m}`)]), state.metric);

  $('choices').dataset.ready = 'true';
  const mode = $('mode');
  mode.hidden = false;
  mode.dataset.mode = token() ? 'token' : 'anonymous';
  mode.textContent = t(lang, token() ? 'modeToken' : 'modeAnonymous');
  $('token-forget').hidden = !token();
}

function renderFilters() {
  const lang = state.lang;
  const subject = info.subjects[state.subject];
  const container = $('filters');
  const dims = Object.keys(state.filters);
  const signature = JSON.stringify([state.subject, lang, dims]);
  if (container.dataset.signature !== signature) {
    const focused = document.activeElement?.id;
    container.replaceChildren(...dims.map((d, i) => {
      const dimSelect = h('select', { id: `filter-dim-${i}` });
      options(dimSelect, Object.keys(subject.filterField).filter(x => x === d || !dims.includes(x)).map(x => [x, dimensionLabel(x)]), d);
      dimSelect.addEventListener('change', () => {
        const filters = {};
        for (const [k, v] of Object.entries(state.filters)) {
          filters[k === d ? dimSelect.value : k] = k === d ? [] : v;
        }
        choose({ filters });
      });
      const values = h('select', { id: `filter-values-${i}`, multiple: true, size: 5, 'aria-describedby': 'filter-hint' });
      values.replaceChildren(...codesOf(d).map(c => h('option', { value: c.code }, c[lang])));
      values.addEventListener('change', () => {
        choose({ filters: { ...state.filters, [d]: [...values.selectedOptions].map(o => o.value) } });
      });
      const remove = h('button', { type: 'button', class: 'button button--quiet', id: `filter-remove-${i}` }, t(lang, 'removeFilter'));
      remove.addEventListener('click', () => {
        const filters = { ...state.filters };
        delete filters[d];
        choose({ filters });
        $('add-filter').focus();
      });
      return h('div', { class: 'filter row' },
        h('label', {}, h('span', {}, t(lang, 'filterDimension')), ' ', dimSelect),
        h('label', {}, h('span', {}, t(lang, 'filterValues')), ' ', values), remove);
    }), h('p', { class: 'hint', id: 'filter-hint' }, dims.length ? t(lang, 'filterHint') : ''));
    container.dataset.signature = signature;
    if (focused && $(focused)) {
      $(focused).focus();
    }
  }
  dims.forEach((d, i) => {
    for (const o of $(`filter-values-${i}`).options) {
      o.selected = state.filters[d].includes(o.value);
    }
  });
  $('add-filter').disabled = dims.length >= Object.keys(subject.filterField).length;
}

function wireControls() {
  $('year-from').addEventListener('change', e => {
    const from = Number(e.target.value);
    // one year stays one year: moving the start moves the end with it unless a series was chosen
    choose({ from, to: state.from === state.to ? from : Math.max(from, state.to) });
  });
  $('year-to').addEventListener('change', e => {
    const to = Number(e.target.value);
    choose(to < state.from ? { from: to, to: state.from } : { to });
  });
  $('add-filter').addEventListener('click', () => {
    const subject = info.subjects[state.subject];
    const free = Object.keys(subject.filterField).find(d => !(d in state.filters));
    if (free) {
      choose({ filters: { ...state.filters, [free]: [] } });
      $(`filter-dim-${Object.keys(state.filters).length - 1}`)?.focus();
    }
  });
  $('metric').addEventListener('change', e => choose({ metric: e.target.value }));
  $('lang-switch').addEventListener('click', () => choose({ lang: state.lang === 'da' ? 'en' : 'da' }));
  $('choices').addEventListener('submit', e => e.preventDefault());
  const useToken = () => {
    setToken($('token').value.trim());
    $('token').value = '';
    startedAt = performance.now();
    update();
  };
  $('token-use').addEventListener('click', useToken);
  $('token').addEventListener('keydown', e => {
    if (e.key === 'Enter') {
      e.preventDefault();
      useToken();
    }
  });
  $('token-forget').addEventListener('click', () => {
    setToken('');
    startedAt = performance.now();
    update();
    $('token').focus();
  });
  $('share-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('share-url').value);
      $('share-copy').textContent = t(state.lang, 'copied');
    } catch (e) {
      $('share-url').select();
    }
  });
  $('dl-excel').addEventListener('click', e => {
    e.preventDefault();
    if (!lastTable) return;
    saveFile(() => download(csvUrl(lastPlan, state.lang)).then(text => toExcel(state.lang, text, dimensionLabel)),
      fileName('xlsx.csv'), 'text/csv;charset=utf-8');
  });
  // the links are the endpoints' addresses (to copy); a click fetches the file, with the tab's token if there is
  // one (a link cannot carry it), so that a refusal is shown in words rather than as a bare error page
  $('dl-csv').addEventListener('click', e => {
    e.preventDefault();
    if (!lastTable) return;
    saveFile(() => download(csvUrl(lastPlan, state.lang)), fileName('csv'), 'text/csv;charset=utf-8');
  });
  $('dl-jsonstat').addEventListener('click', e => {
    e.preventDefault();
    if (!lastTable) return;
    saveFile(() => download(jsonstatUrl(lastPlan, state.lang)), fileName('json'), 'application/json');
  });
}

function fileName(ext) {
  const years = state.from === state.to ? state.from : `${Math.min(state.from, state.to)}-${Math.max(state.from, state.to)}`;
  return [state.subject, years, ...state.dims.map(d => d.toLowerCase())].join('-') + (ext === 'xlsx.csv' ? '-excel.csv' : `.${ext}`);
}

async function saveFile(produce, name, type) {
  try {
    const text = await produce();
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) {
    showError(e);
  }
}

// ---- errors --------------------------------------------------------------------------------------------------

function explain(lang, error) {
  if (error instanceof ApiError) {
    if (error.kind === 'rate') {
      return { advice: error.retryAfter ? t(lang, 'error.rate', { seconds: error.retryAfter }) : t(lang, 'error.rateNoWait'), api: null };
    }
    if (error.kind === 'network') {
      return { advice: t(lang, 'error.network'), api: null };
    }
    if (error.kind === 'http') {
      return { advice: t(lang, 'error.http', { status: error.status }), api: null };
    }
    const key = `error.${error.classification}`;
    return { advice: t(lang, key) === key ? t(lang, 'error.other') : t(lang, key), api: error.message, classification: error.classification };
  }
  return { advice: t(lang, 'error.other'), api: String(error.message || error) };
}

function showError(error) {
  const lang = state.lang;
  const box = $('error');
  const e = explain(lang, error);
  box.replaceChildren(h('p', { class: 'error__title' }, t(lang, 'errorTitle')), h('p', { class: 'error__advice' }, e.advice),
    e.api ? h('p', { class: 'error__api' }, `${t(lang, 'apiSays')} `, h('q', {}, e.api)) : null);
  box.dataset.kind = error.kind || 'other';
  box.dataset.classification = e.classification || '';
  box.hidden = false;
}

// ---- the result ----------------------------------------------------------------------------------------------

const answerCache = new Map();
let fetchMs = 0;

/**
 * The API's answers to a table's questions: one request for all of them; where the API refuses one (a refused field
 * fails the whole document), each is asked alone, so that the others still answer and the refusal is shown in words.
 * Answers are kept for the page's lifetime by question and token, so that switching view, sort or language asks
 * nothing again.
 */
async function answersFor(docs) {
  const key = `${token()}\n${docs.combined.query}\n${JSON.stringify(docs.combined.variables)}`;
  if (answerCache.has(key)) {
    return answerCache.get(key);
  }
  let answers;
  try {
    answers = (await graphql(docs.combined.query, docs.combined.variables)).data;
  } catch (e) {
    if (!(e instanceof ApiError) || e.kind !== 'graphql' || docs.parts.length === 1 || e.classification === 'UNAUTHORIZED') {
      throw e;
    }
    // the errors name the refused fields: the table itself refused ends here; a refused total is asked no more
    const refused = new Map((e.errors || []).filter(x => x.path).map(x => [x.path[0], new ApiError('graphql', x.message,
      { classification: x.extensions?.classification || 'ERROR', errors: [x] })]));
    for (const alias of ['main', ...(docs.perYear || [])]) {
      if (refused.has(alias)) {
        throw refused.get(alias);
      }
    }
    const results = await Promise.all(docs.parts.map(part => (refused.has(part.alias) ? refused.get(part.alias)
      : graphql(part.query, part.variables).then(r => r.data[part.alias],
        err => (err instanceof ApiError && err.kind === 'graphql' ? err : Promise.reject(err))))));
    answers = {};
    docs.parts.forEach((part, i) => { answers[part.alias] = results[i]; });
    for (const alias of ['main', ...(docs.perYear || [])]) {
      if (answers[alias] instanceof Error) {
        throw answers[alias];
      }
    }
  }
  if (docs.perYear) { // an outreach series: the years' rows one after the other
    answers = { ...answers, main: docs.perYear.flatMap(alias => answers[alias]) };
  }
  if (answerCache.size > 100) {
    answerCache.clear();
  }
  answerCache.set(key, answers);
  return answers;
}

let pending = 0;

async function update() {
  renderControls();
  const mine = ++pending;
  const p = plan(info, state, !token());
  const docs = documents(p);
  $('result').setAttribute('aria-busy', 'true');
  let answers;
  const asked = performance.now();
  try {
    answers = await answersFor(docs);
  } catch (e) {
    if (mine !== pending) return;
    fetchMs = performance.now() - asked;
    lastTable = null;
    lastPlan = p;
    $('table-area').replaceChildren();
    $('table-title').hidden = true;
    $('legend').replaceChildren();
    renderChart(state.lang, $('chart-area'), null);
    $('chart').hidden = true;
    showError(e);
    renderKeep(p, docs, false);
    finish();
    return;
  }
  if (mine !== pending) return;
  fetchMs = performance.now() - asked;
  $('error').hidden = true;
  lastPlan = p;
  lastTable = p.subject.outreach ? outreachTable(info, state, p, answers) : statsTable(info, state, p, answers);
  renderResult(p, docs);
  finish();
}

function renderNotices() {
  const box = $('notices');
  box.replaceChildren(...notices.map(([key, values]) => h('p', { class: 'notice' }, t(state.lang, key, values))));
  box.hidden = !notices.length;
}

function finish() {
  renderNotices();
  const result = $('result');
  result.removeAttribute('aria-busy');
  generation++;
  result.dataset.renderMs = String(Math.round(performance.now() - startedAt));
  result.dataset.fetchMs = String(Math.round(fetchMs));
  result.dataset.generation = String(generation);
  result.dataset.mode = token() ? 'token' : 'anonymous';
}

function caption(p) {
  const lang = state.lang;
  const years = isSeries(state) ? `${Math.min(state.from, state.to)}–${Math.max(state.from, state.to)}` : String(state.from);
  const by = state.dims.map(dimensionLabel).join(lang === 'da' ? ' og ' : ' and ');
  const filters = Object.entries(state.filters).filter(([, v]) => v.length)
    .map(([d, v]) => `${dimensionLabel(d)}: ${v.map(c => label(lang, codesOf(d).find(x => x.code === c)) || c).join(', ')}`);
  const what = `${t(lang, `subject.${state.subject}`)}, ${years}`;
  return [what, by ? `${lang === 'da' ? 'efter' : 'by'} ${by}` : null, filters.length ? `(${filters.join('; ')})` : null,
    p.subject.outreach ? null : (p.colBy.length ? `– ${t(lang, state.view)}` : null)].filter(Boolean).join(' ');
}

function renderResult(p, docs) {
  const lang = state.lang;
  const model = lastTable;
  const onSort = sort => choose({ sort });
  const table = renderTable(lang, model, { caption: caption(p), view: state.view, sort: state.sort, onSort, dimensionLabel });
  const focusedSort = document.activeElement?.dataset?.sort;
  // the caption is read with the table; on screen the title stands above the scroll box, so that a wide table on a
  // phone scrolls under it and never cuts it off
  table.caption.classList.add('visually-hidden');
  $('table-title').textContent = caption(p);
  $('table-title').hidden = false;
  $('table-area').replaceChildren(table);
  if (focusedSort) {
    table.querySelector(`[data-sort="${focusedSort}"]`)?.focus();
  }
  renderLegend(model);
  renderFigure(p, model);
  renderKeep(p, docs);
}

function renderLegend(model) {
  const lang = state.lang;
  const items = [];
  const cells = model.kind === 'outreach'
    ? model.rows.flatMap(r => (r.values ? Object.values(r.values) : []))
    : [...model.rows.flatMap(r => [...r.cells, r.total].filter(Boolean)), ...(model.colTotals || [])];
  if (cells.some(c => c.suppressed) || model.total === null) {
    items.push(h('li', { class: 'legend-withheld' }, t(lang, 'legendWithheld')));
  }
  if (model.rows.some(r => r.noData)) {
    items.push(h('li', { class: 'legend-nodata' }, t(lang, 'legendNoData')));
  }
  if (model.rows.some(r => r.cells?.some(c => c.notPublished))) {
    items.push(h('li', { class: 'legend-notpublished' }, t(lang, 'legendNotPublished')));
  }
  if (cells.some(c => c.notRecorded) || (model.totalValues && Object.values(model.totalValues).some(c => c.notRecorded))) {
    items.push(h('li', { class: 'legend-notrecorded' }, t(lang, 'legendNotRecorded')));
  }
  if (model.kind !== 'outreach' && model.shares && (state.view === 'shares' || !model.colBy.length)
    && cells.some(c => c.count != null && !c.suppressed && c.share == null)) {
    items.push(h('li', { class: 'legend-shares' }, t(lang, 'legendShareNone')));
  }
  if (cells.some(c => c.noisy) || model.totalCell?.noisy) {
    items.push(h('li', { class: 'legend-noisy' }, t(lang, 'legendNoisy')));
  }
  const reasons = [...new Set(model.marginErrors.map(m => m.error.message))];
  for (const reason of reasons) {
    items.push(h('li', { class: 'legend-margins' }, t(lang, 'legendMargins', { reason })));
  }
  $('legend').replaceChildren(...items);
}

function renderFigure(p, model) {
  const lang = state.lang;
  const years = isSeries(state) ? `${Math.min(state.from, state.to)}–${Math.max(state.from, state.to)}` : String(state.from);
  const ctx = { lang, view: state.view, metric: state.metric, yearDimension: info.subjects[state.subject].yearDimension, years };
  const chart = chartOf(ctx, model);
  // a yearly series is drawn as columns or, by choice, as a line
  const kinds = chart.type === 'columns';
  $('chart-kind').hidden = !kinds;
  radios($('chart-kinds'), 'chart', [['columns', t(lang, 'chartColumns')], ['line', t(lang, 'chartLine')]],
    state.chart, v => choose({ chart: v }));
  if (kinds && state.chart === 'line') {
    chart.type = 'line';
  }
  const figure = $('chart');
  figure.hidden = !chart.categories.length;
  const title = `${caption(p)}${model.kind === 'outreach' ? ` – ${t(lang, `outreach.${state.metric}`)}` : ''}`;
  const text = finding(ctx, model, chart);
  $('chart-caption').replaceChildren(h('span', { class: 'figure__label' }, t(lang, 'chart')), h('span', { class: 'figure__title' }, title));
  renderChart(lang, $('chart-area'), chart, title, text);
  $('chart-finding').textContent = [text, chart.byRows ? t(lang, 'chartByRows', { dim: model.rowBy.map(dimensionLabel).join(' · ') }) : null]
    .filter(Boolean).join(' ');
}

function renderKeep(p, docs, answered = true) {
  const lang = state.lang;
  const csv = csvUrl(p, lang);
  // a question the API refused has nothing to download: the links go dead rather than lead to a bare refusal
  const link = (a, href, download) => {
    if (answered) {
      a.href = href;
      a.removeAttribute('aria-disabled');
      if (download) {
        a.setAttribute('download', download);
      }
    } else {
      a.removeAttribute('href');
      a.removeAttribute('download');
      a.setAttribute('aria-disabled', 'true');
    }
  };
  link($('dl-csv'), csv, fileName('csv'));
  link($('dl-excel'), csv, null);
  link($('dl-jsonstat'), jsonstatUrl(p, lang), fileName('json'));
  $('downloads-off').hidden = answered;
  $('share-url').value = location.href;
  $('share-copy').textContent = t(lang, 'copy');
  $('query-graphql').textContent = `${docs.combined.query}\n\n# variables\n${JSON.stringify(docs.combined.variables)}`;
  $('query-curl').textContent = curl(location.origin, docs.combined, !!token());
}

// ---- start ---------------------------------------------------------------------------------------------------

async function start() {
  startedAt = performance.now();
  try {
    const { data } = await graphql(BOOTSTRAP);
    info = schemaInfo(data);
  } catch (e) {
    state = { lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'da' };
    $('choices').dataset.ready = 'true';
    $('result').removeAttribute('aria-busy');
    showError(e);
    // a token left in this tab that the server no longer accepts must not lock the page: offer to forget it
    $('token-forget').hidden = !token();
    $('token-forget').addEventListener('click', () => {
      setToken('');
      location.reload();
    }, { once: true });
    return;
  }
  state = fromUrl(location.search);
  history.replaceState(null, '', toUrl(state));
  wireControls();
  await update();
}

start();
