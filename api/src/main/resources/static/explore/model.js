// Lays the API's answers out as a table: rows, columns, cells, totals. No number is computed here; each cell, row
// total, column total and share is a value the API returned (a cross-tab's totals are the API's one-way breakdowns).
// A cell the API has no group for is a count of 0 (the API lists only non-empty groups); a year the API has no
// group for at all is shown as "no data", never as 0.

import { OUTREACH_METRICS, yearRange, isSeries } from './query.js';

const keyOf = codes => codes.join('\u0001');

function labelsOf(key) {
  return key.map(k => ({ code: k.code, da: k.da, en: k.en }));
}

const ZERO = { count: 0, share: 0, suppressed: false, empty: true };
const NO_DATA = { count: null, share: null, suppressed: false, noData: true };
const NOT_PUBLISHED = { count: null, share: null, suppressed: false, notPublished: true };

/**
 * Cell of a group: { count, share, suppressed, noisy, margin } exactly as the API gave it (noisy: the count is an
 * estimate, margin its 90 % half-width); a year's reason for no count kept.
 */
function cell(group) {
  if (group.reason === 'NO_DATA') {
    return NO_DATA;
  }
  if (group.reason === 'NOT_PUBLISHED') {
    return NOT_PUBLISHED;
  }
  return { count: group.count, share: group.share, suppressed: !!group.suppressed || group.reason === 'WITHHELD',
    noisy: !!group.noisy && group.count != null, margin: group.noisy && group.margin != null ? group.margin : null };
}

/** The answer's total as a cell: withheld where it is null, an estimate where the API says so; its share is 1. */
function totalCell(stats) {
  const count = stats.total ?? null;
  return { count, share: count == null ? null : 1, suppressed: count == null, noisy: !!stats.totalNoisy && count != null,
    margin: stats.totalNoisy && stats.totalMargin != null ? stats.totalMargin : null };
}

function codebookOrder(info, dimension, codes) {
  const order = (info.codebook.get(dimension)?.codes || []).map(c => c.code);
  const numeric = codes.every(c => /^\d+$/.test(c));
  return [...codes].sort((a, b) => {
    if (numeric) {
      return Number(a) - Number(b);
    }
    const ia = order.indexOf(a) < 0 ? 1e9 : order.indexOf(a);
    const ib = order.indexOf(b) < 0 ? 1e9 : order.indexOf(b);
    return ia - ib;
  });
}

function labelFor(info, dimension, code, fallback) {
  const c = info.codebook.get(dimension)?.codes.find(x => x.code === code);
  return c ? { code, da: c.da, en: c.en } : fallback || { code, da: code, en: code };
}

/**
 * The table of a breakdown (persons or hotline). answers: { main, rows?, cols? } each a Stats or an Error.
 * Rows are the combinations of all dimensions but the last; columns the last dimension's codes (a one-way table
 * has the columns count and share).
 */
export function statsTable(info, state, p, answers) {
  const series = isSeries(state);
  const main = answers.main;
  const t = { kind: 'stats', groupBy: p.groupBy, rowBy: p.rowBy, colBy: p.colBy, series, total: main.total,
    totalCell: totalCell(main), rows: [], columns: [], colTotals: [], marginErrors: [],
    // a one-way series has no share column: a year's share of the span's total says nothing a reader asked for
    shares: !(series && p.groupBy.length === 1 && p.groupBy[0] === p.subject.yearDimension) };
  const yearDim = p.subject.yearDimension;
  const seriesYears = series ? yearRange(state).map(String) : null;

  if (p.groupBy.length === 0) {
    t.rows.push({ key: [], labels: [], cells: [{ ...t.totalCell, share: main.total == null ? null : (main.total === 0 ? 0 : 1) }] });
    return t;
  }

  if (!p.colBy.length) {
    // one-way: the rows are the groups, in the API's order (by count), years ascending
    const byKey = new Map(main.groups.map(g => [keyOf(g.key.map(k => k.code)), g]));
    let keys = main.groups.map(g => g.key.map(k => k.code));
    if (series) {
      keys = seriesYears.map(y => [y]);
    }
    for (const k of keys) {
      const g = byKey.get(keyOf(k));
      t.rows.push({
        key: k,
        labels: g ? labelsOf(g.key) : [labelFor(info, p.groupBy[0], k[0])],
        cells: [g ? cell(g) : NO_DATA],
        // the API names a year without records (reason NO_DATA); an older answer simply leaves it out
        noData: !g || g.reason === 'NO_DATA',
      });
    }
    return t;
  }

  // cross-tab
  const colDim = p.colBy[0];
  const rowsAnswer = answers.rows instanceof Error ? null : answers.rows;
  const colsAnswer = answers.cols instanceof Error ? null : answers.cols;
  for (const [name, a] of [['rows', answers.rows], ['cols', answers.cols]]) {
    if (a instanceof Error) {
      t.marginErrors.push({ which: name, error: a });
    }
  }
  const cells = new Map(main.groups.map(g => [keyOf(g.key.map(k => k.code)), g]));
  const colLabels = new Map();
  const rowLabels = new Map();
  const rowOrder = [];
  const addRow = (codes, labels) => {
    const k = keyOf(codes);
    if (!rowLabels.has(k)) {
      rowLabels.set(k, labels);
      rowOrder.push(codes);
    }
  };
  for (const g of rowsAnswer?.groups || []) {
    addRow(g.key.map(k => k.code), labelsOf(g.key));
  }
  for (const g of main.groups) {
    addRow(g.key.slice(0, -1).map(k => k.code), labelsOf(g.key.slice(0, -1)));
    const last = g.key[g.key.length - 1];
    colLabels.set(last.code, { code: last.code, da: last.da, en: last.en });
  }
  for (const g of colsAnswer?.groups || []) {
    colLabels.set(g.key[0].code, labelsOf(g.key)[0]);
  }
  const rowTotals = new Map((rowsAnswer?.groups || []).map(g => [keyOf(g.key.map(k => k.code)), g]));
  const colTotals = new Map((colsAnswer?.groups || []).map(g => [g.key[0].code, g]));

  t.columns = codebookOrder(info, colDim, [...colLabels.keys()]).map(code => colLabels.get(code));
  let rowKeys = rowOrder;
  if (series && p.rowBy.length === 1 && p.rowBy[0] === yearDim) {
    rowKeys = seriesYears.map(y => [y]);
  } else if (p.rowBy.length === 1 && rowKeys.every(k => /^\d+$/.test(k[0]))) {
    rowKeys = [...rowKeys].sort((a, b) => Number(a[0]) - Number(b[0]));
  }
  if (series && p.rowBy.length > 1 && p.rowBy[0] === yearDim) {
    rowKeys = withMissingYears(state, rowKeys);
  }
  for (const codes of rowKeys) {
    const k = keyOf(codes);
    const rowTotal = rowTotals.get(k);
    // a year without records: no row in the answers, or (the API names it) a row total with reason NO_DATA; its
    // cells are "no data", never the 0 of a combination the cross-tab does not list
    const noData = !rowLabels.has(k) || rowTotal?.reason === 'NO_DATA';
    t.rows.push({
      key: codes,
      labels: rowLabels.get(k) || codes.map((c, i) => labelFor(info, p.rowBy[i], c)),
      noData,
      cells: t.columns.map(col => {
        if (noData) {
          return NO_DATA;
        }
        const g = cells.get(keyOf([...codes, col.code]));
        return g ? cell(g) : ZERO;
      }),
      total: noData ? NO_DATA : rowTotal ? cell(rowTotal) : rowsAnswer ? ZERO : NOT_PUBLISHED,
    });
  }
  t.colTotals = t.columns.map(col => {
    const g = colTotals.get(col.code);
    return g ? cell(g) : colsAnswer ? ZERO : NOT_PUBLISHED;
  });
  return t;
}

/** The table of outreach metrics: one row per group of the answer, columns the metrics, and the row of everything. */
export function outreachTable(info, state, p, answers) {
  const series = isSeries(state);
  const rows = answers.main;
  const t = { kind: 'outreach', groupBy: p.groupBy, rowBy: p.groupBy, colBy: [], series, metrics: OUTREACH_METRICS,
    rows: [], marginErrors: [] };
  const byKey = new Map(rows.map(r => [keyOf(r.key.map(k => k.code)), r]));
  let keys = rows.map(r => r.key.map(k => k.code));
  if (series && p.groupBy.length === 1) {
    keys = yearRange(state).map(y => [String(y)]);
  } else if (p.groupBy.length && keys.every(k => /^\d+$/.test(k[0]))) {
    keys.sort((a, b) => Number(a[0]) - Number(b[0]) || 0);
  }
  if (series && p.groupBy.length > 1) {
    keys = withMissingYears(state, keys);
  }
  for (const k of keys) {
    const r = byKey.get(keyOf(k));
    t.rows.push({
      key: k,
      labels: r ? labelsOf(r.key) : k.map((c, i) => labelFor(info, p.groupBy[i], c)),
      noData: !r,
      values: r ? metricValues(r) : null,
    });
  }
  if (answers.all instanceof Error) {
    t.marginErrors.push({ which: 'all', error: answers.all });
    t.totalValues = null;
  } else if (answers.all) {
    t.totalValues = answers.all[0] ? metricValues(answers.all[0]) : null;
  } else if (!p.groupBy.length) {
    t.rows.forEach(r => { r.labels = []; });
  }
  return t;
}

/**
 * Rows keyed by year first, with one "no data" row for each year of the span that has none, in year order. Such a
 * row's key is the year alone, so no code of the other dimensions is made up for it.
 */
function withMissingYears(state, keys) {
  const out = [];
  for (const y of yearRange(state).map(String)) {
    const ofYear = keys.filter(k => k[0] === y);
    out.push(...(ofYear.length ? ofYear : [[y]]));
  }
  return out;
}

/**
 * What a programme records differs by kind: street work observes and has no personal contacts, a clinic counts
 * visits and no nationalities. The API then answers 0, and the report leaves such a metric out; the table says
 * "not recorded", never 0. Activities, weeks and persons assessed as trafficked are real counts even at 0.
 */
const RECORDED_ONLY_ABOVE_ZERO = ['contacts', 'newPersons', 'observed', 'observedNew', 'nationalities',
  'healthServiceUses', 'abortionReferrals'];

function metricValues(r) {
  const v = {};
  for (const m of OUTREACH_METRICS) {
    const raw = m === 'contactsPerActivity' ? r.contactsPerActivity?.mean ?? null : r[m];
    const notRecorded = r.activities > 0 && ((RECORDED_ONLY_ABOVE_ZERO.includes(m) && raw === 0)
      || (m === 'contactsPerActivity' && r.contacts === 0));
    v[m] = { value: raw, suppressed: raw == null && !!r.suppressed, notRecorded };
  }
  return v;
}
