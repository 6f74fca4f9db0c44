// Renders a table model (model.js) as a real <table>: a caption, column headers that sort when clicked, row headers,
// the API's numbers, withheld cells marked, and the totals in <tfoot>. Each number cell carries the API's raw value in
// data-count / data-share, so a test can compare the page with the API.

import { t, formatCount, formatShare, formatDecimal } from './i18n.js';

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) {
      continue;
    }
    if (k === 'class') {
      e.className = v;
    } else if (k.startsWith('data-')) {
      e.setAttribute(k, String(v));
    } else if (k in e && typeof v !== 'string') {
      e[k] = v;
    } else {
      e.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c != null) {
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return e;
}

export { h };

export function label(lang, l) {
  return l ? l[lang] ?? l.code : '';
}

function rowLabel(lang, row) {
  return row.labels.length ? row.labels.map(l => label(lang, l)).join(' · ') : t(lang, 'total');
}

/** The text of a cell in the view (counts or shares), and its class. */
function cellContent(lang, c, view) {
  if (c.suppressed) {
    return { node: h('span', { class: 'withheld' }, h('span', { 'aria-hidden': 'true' }, t(lang, 'withheldMark')),
      h('span', { class: 'visually-hidden' }, t(lang, 'withheld'))), cls: 'num is-withheld', title: t(lang, 'withheld') };
  }
  if (c.noData) {
    return { node: t(lang, 'noData'), cls: 'num na is-nodata' };
  }
  if (c.notPublished) {
    return { node: h('span', { title: t(lang, 'notPublished') }, '–', h('span', { class: 'visually-hidden' }, ` ${t(lang, 'notPublished')}`)),
      cls: 'num na is-notpublished' };
  }
  const text = view === 'shares' ? (c.share == null ? null : formatShare(lang, c.share))
    : (c.count == null ? null : formatCount(lang, c.count));
  if (text == null) {
    return { node: '–', cls: 'num na' };
  }
  if (c.noisy) {
    // an estimate: "≈ 28", its margin in words for the mouse and for screen readers
    const margin = c.margin == null ? '' : ` ± ${formatCount(lang, c.margin)}`;
    return { node: h('span', { class: 'estimate' }, h('span', { class: 'estimate__mark', 'aria-hidden': 'true' }, '≈ '),
      h('span', { class: 'visually-hidden' }, `${t(lang, 'estimate')} `), text),
    cls: 'num is-noisy', title: `${t(lang, 'estimate')}${margin}` };
  }
  return { node: text, cls: 'num' };
}

function td(lang, c, view, attrs = {}) {
  const content = cellContent(lang, c, view);
  return h('td', {
    class: content.cls, title: content.title,
    'data-count': c.suppressed ? 'withheld' : c.noData ? 'nodata' : c.notPublished ? 'notpublished' : c.count,
    'data-share': c.share == null ? '' : c.share,
    'data-noisy': c.noisy ? 'true' : null, 'data-margin': c.noisy && c.margin != null ? c.margin : null, ...attrs,
  }, content.node);
}

function sortValue(lang, model, row, column, view) {
  if (column === 'label') {
    return rowLabel(lang, row);
  }
  let c;
  if (column === 'total') {
    c = row.total;
  } else if (column.startsWith('c:')) {
    c = row.cells[model.columns.findIndex(col => col.code === column.slice(2))];
  } else if (column.startsWith('m:')) {
    const v = row.values?.[column.slice(2)];
    return v?.value ?? null;
  } else {
    c = row.cells[0];
  }
  if (!c) {
    return null;
  }
  return view === 'shares' || column === 'share' ? c.share : c.count;
}

/** Rows in the order of the sort (column, direction); withheld and missing values last either way. */
export function sortedRows(lang, model, sort, view) {
  if (!sort) {
    return model.rows;
  }
  const column = sort.slice(0, sort.lastIndexOf(':'));
  const dir = sort.slice(sort.lastIndexOf(':') + 1);
  const sign = dir === 'desc' ? -1 : 1;
  return model.rows.map((row, i) => ({ row, i, v: sortValue(lang, model, row, column, view) }))
    .sort((a, b) => {
      if (a.v == null || b.v == null) {
        return (a.v == null) - (b.v == null) || a.i - b.i;
      }
      const d = typeof a.v === 'string' ? a.v.localeCompare(b.v, lang) : a.v - b.v;
      return sign * d || a.i - b.i;
    }).map(x => x.row);
}

function sortHeader(lang, text, column, sort, onSort, cls = 'num') {
  const [current, dir] = sort ? [sort.slice(0, sort.lastIndexOf(':')), sort.slice(sort.lastIndexOf(':') + 1)] : [null, null];
  const active = current === column;
  const next = active && dir === 'desc' ? 'asc' : active && dir === 'asc' ? 'desc' : (column === 'label' ? 'asc' : 'desc');
  const button = h('button', { type: 'button', class: 'sort', 'data-sort': column,
    title: `${t(lang, 'sortBy')} ${text}` }, text,
  h('span', { class: 'sort__mark', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'));
  button.addEventListener('click', () => onSort(`${column}:${next}`));
  return h('th', { scope: 'col', class: cls, 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null }, button);
}

/** The table element of a breakdown or of outreach metrics. */
export function renderTable(lang, model, { caption, view, sort, onSort, dimensionLabel }) {
  const rowHeader = model.rowBy.length ? model.rowBy.map(d => dimensionLabel(d)).join(' · ') : '';
  const table = h('table', { class: 'data-table explore-table', id: 'result-table' }, h('caption', {}, caption));
  const rows = sortedRows(lang, model, sort, view);
  const headRow = h('tr', {}, sortHeader(lang, rowHeader || t(lang, 'total'), 'label', sort, onSort, 'rowhead'));
  const body = h('tbody');
  const foot = h('tfoot');

  if (model.kind === 'outreach') {
    for (const m of model.metrics) {
      headRow.append(sortHeader(lang, t(lang, `outreach.${m}`), `m:${m}`, sort, onSort));
    }
    const metricCell = (v, m, attrs = {}) => {
      if (!v) {
        return h('td', { class: 'num na is-nodata', 'data-metric': m, 'data-value': 'nodata', ...attrs }, t(lang, 'noData'));
      }
      if (v.suppressed) {
        return h('td', { class: 'num is-withheld', 'data-metric': m, 'data-value': 'withheld', title: t(lang, 'withheld'), ...attrs },
          h('span', { 'aria-hidden': 'true' }, t(lang, 'withheldMark')), h('span', { class: 'visually-hidden' }, t(lang, 'withheld')));
      }
      if (v.notRecorded) {
        return h('td', { class: 'num na is-notrecorded', 'data-metric': m, 'data-value': 'notrecorded', ...attrs },
          t(lang, 'notRecorded'));
      }
      const text = v.value == null ? '–' : m === 'contactsPerActivity' ? formatDecimal(lang, v.value) : formatCount(lang, v.value);
      return h('td', { class: v.value == null ? 'num na' : 'num', 'data-metric': m, 'data-value': v.value ?? '', ...attrs }, text);
    };
    for (const row of rows) {
      const tr = h('tr', { class: row.noData ? 'is-nodata' : null, 'data-key': row.key.join('|') },
        h('th', { scope: 'row' }, rowLabel(lang, row)));
      for (const m of model.metrics) {
        tr.append(row.noData ? metricCell(null, m) : metricCell(row.values[m], m));
      }
      body.append(tr);
    }
    if (model.groupBy.length) {
      const tr = h('tr', { 'data-key': 'TOTAL' }, h('th', { scope: 'row' }, t(lang, 'total')));
      for (const m of model.metrics) {
        tr.append(model.totalValues ? metricCell(model.totalValues[m], m)
          : h('td', { class: 'num na is-notpublished', 'data-metric': m, 'data-value': 'notpublished' }, '–'));
      }
      foot.append(tr);
    }
  } else if (!model.colBy.length) {
    headRow.append(sortHeader(lang, t(lang, 'count'), 'count', sort, onSort));
    if (model.shares) {
      headRow.append(sortHeader(lang, t(lang, 'share'), 'share', sort, onSort));
    }
    for (const row of rows) {
      const c = row.cells[0];
      body.append(h('tr', { class: row.noData ? 'is-nodata' : null, 'data-key': row.key.join('|') },
        h('th', { scope: 'row' }, rowLabel(lang, row)), td(lang, c, 'counts', { 'data-col': 'count' }),
        model.shares ? td(lang, c, 'shares', { 'data-col': 'share' }) : null));
    }
    if (model.groupBy.length) {
      foot.append(h('tr', { 'data-key': 'TOTAL' }, h('th', { scope: 'row' }, t(lang, 'total')),
        td(lang, model.totalCell, 'counts', { 'data-col': 'count' }),
        model.shares ? td(lang, model.totalCell, 'shares', { 'data-col': 'share' }) : null));
    }
  } else {
    model.columns.forEach((col, i) => headRow.append(sortHeader(lang, label(lang, col), `c:${col.code}`, sort, onSort)));
    headRow.append(sortHeader(lang, t(lang, 'total'), 'total', sort, onSort));
    for (const row of rows) {
      const tr = h('tr', { class: row.noData ? 'is-nodata' : null, 'data-key': row.key.join('|') },
        h('th', { scope: 'row' }, rowLabel(lang, row)));
      row.cells.forEach((c, i) => tr.append(td(lang, c, view, { 'data-col': model.columns[i].code })));
      tr.append(td(lang, row.total, view, { 'data-col': 'TOTAL' }));
      tr.lastChild.classList.add('is-total');
      body.append(tr);
    }
    const tr = h('tr', { 'data-key': 'TOTAL' }, h('th', { scope: 'row' }, t(lang, 'total')));
    model.colTotals.forEach((c, i) => tr.append(td(lang, c, view, { 'data-col': model.columns[i].code })));
    // the grand total: in the shares view 100 % of itself, as every other total is a share of it
    tr.append(td(lang, model.totalCell, view, { 'data-col': 'TOTAL' }));
    foot.append(tr);
  }
  table.append(h('thead', {}, headRow), body);
  if (foot.childNodes.length) {
    table.append(foot);
  }
  return table;
}
