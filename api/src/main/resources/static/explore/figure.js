// What the chart shows and the sentence that states its finding, from a table model (model.js): the rows of a
// breakdown, or a cross-tab's columns per row where there are at most three and none is withheld, else the rows'
// totals. ctx: { lang, view, metric, yearDimension }.

import { t } from './i18n.js';
import { label } from './table.js';
import { valueText } from './chart.js';

/**
 * The chart's data: the breakdown's rows; for a cross-tab, per row its columns where there are at most three and
 * none is withheld, else the rows' totals (the API's one-way breakdown).
 */
export function chartOf(ctx, model) {
  const { lang } = ctx;
  const series = model.series && model.rowBy[0] === ctx.yearDimension && model.rowBy.length === 1;
  const type = series ? 'columns' : 'bars';
  const cat = row => ({ label: row.labels.length ? row.labels.map(l => label(lang, l)).join(' · ') : t(lang, 'total'),
    unknown: row.key[row.key.length - 1] === 'UNKNOWN' });
  const val = (c, format) => ({ value: c.noData || c.notPublished ? null : format === 'share' ? c.share : c.count,
    withheld: c.suppressed, noData: c.noData, noisy: !!c.noisy, margin: c.margin ?? null });
  if (model.kind === 'outreach') {
    const metric = v => (v.notRecorded ? { value: null, notRecorded: true } : { value: v.value, withheld: v.suppressed });
    return { type, format: ctx.metric === 'contactsPerActivity' ? 'decimal' : 'count', series: [],
      categories: model.rows.map(r => ({ ...cat(r), values: [r.values ? metric(r.values[ctx.metric]) : { value: null, noData: true }] })) };
  }
  const format = ctx.view === 'shares' ? 'share' : 'count';
  if (!model.colBy.length) {
    return { type, format, series: [], categories: model.rows.map(r => ({ ...cat(r), values: [val(r.cells[0], format)] })) };
  }
  const withheldCells = model.rows.some(r => r.cells.some(c => c.suppressed));
  if (model.columns.length <= 3 && !withheldCells) {
    return { type, format, series: model.columns.map(c => ({ label: label(lang, c), unknown: c.code === 'UNKNOWN' })),
      categories: model.rows.map(r => ({ ...cat(r), values: r.noData ? [val(r.cells[0] || { noData: true }, format)] : r.cells.map(c => val(c, format)) })) };
  }
  return { type, format, series: [], byRows: true,
    categories: model.rows.map(r => ({ ...cat(r), values: [val(r.total, format)] })) };
}

/**
 * The finding in words, from the API's numbers: the largest group of the breakdown (a cross-tab's rows by their
 * totals) with its share of the total, or the highest year of a series and the years without data.
 */
export function finding(ctx, model, chart) {
  const { lang } = ctx;
  const parts = [];
  if (!model.groupBy.length && model.kind !== 'outreach') {
    // no breakdown: the one number, never "Total is the largest group"
    const c = model.rows[0]?.cells[0];
    parts.push(c && c.count != null && !c.suppressed
      ? t(lang, 'descTotal', { count: valueText(lang, { value: c.count, noisy: c.noisy }, 'count'), years: ctx.years })
      : t(lang, 'descNothing'));
    return parts.join(' ');
  }
  const primary = model.rows.map(r => ({
    label: r.labels.length ? r.labels.map(l => label(lang, l)).join(' · ') : t(lang, 'total'),
    cell: model.kind === 'outreach' ? (r.values ? { count: r.values[ctx.metric].value, share: null } : null)
      : (model.colBy.length ? r.total : r.cells[0]),
    noData: r.noData,
  }));
  const known = primary.filter(x => x.cell && x.cell.count != null && !x.cell.suppressed);
  const format = model.kind === 'outreach' && ctx.metric === 'contactsPerActivity' ? 'decimal' : 'count';
  if (!known.length) {
    parts.push(t(lang, 'descNothing'));
  } else {
    const top = known.reduce((a, b) => (b.cell.count > a.cell.count ? b : a));
    const count = valueText(lang, { value: top.cell.count, noisy: top.cell.noisy }, format);
    if (chart.type === 'columns' || chart.type === 'line') {
      parts.push(t(lang, 'descSeries', { from: primary[0].label, to: primary[primary.length - 1].label, max: top.label, count }));
      const missing = primary.filter(x => x.noData).map(x => x.label);
      if (missing.length) {
        parts.push(t(lang, 'descSeriesNoData', { years: missing.join(', ') }));
      }
      if (chart.type === 'line' && chart.categories.some(c => c.values.some(v => v.value == null))) {
        parts.push(t(lang, 'descLineGaps'));
      }
    } else if (top.cell.share != null && model.total != null) {
      parts.push(t(lang, 'descLargest', { label: top.label, share: valueText(lang, { value: top.cell.share }, 'share'),
        count, total: valueText(lang, { value: model.total }, 'count') }));
    } else {
      parts.push(t(lang, 'descLargestNoShare', { label: top.label, count }));
    }
  }
  const withheld = chart.categories.flatMap(c => c.values).filter(v => v.withheld).length;
  if (withheld) {
    parts.push(t(lang, 'descWithheld', { n: withheld }));
  }
  return parts.join(' ');
}
