// The chart in the annual report's visual language (site-templates/lib/charts.ftlh and report.css): horizontal bars
// with the label above each bar and the number printed at its end for a breakdown; columns, one slot per year, or a
// line for a yearly series. A year without data is written out ("no data") with a dashed mark, never drawn as 0 (the
// line breaks there); a withheld number is written as withheld. The SVG has a title and a description that states
// the finding.

import { t, formatCount, formatShare, formatDecimal } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const PLOT_SHARE = 84;

function s(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v != null) {
      e.setAttribute(k, String(v));
    }
  }
  if (text != null) {
    e.textContent = text;
  }
  return e;
}

/**
 * A chart: { type: 'bars'|'columns'|'line', series: [{label, unknown}], categories: [{label, unknown, values: [{value,
 * withheld, noData}]}], format: 'count'|'share'|'decimal' }.
 */
export function valueText(lang, v, format) {
  if (v.noData) {
    return t(lang, 'noData');
  }
  if (v.notRecorded) {
    return t(lang, 'notRecorded');
  }
  if (v.withheld) {
    return `${t(lang, 'withheldMark')} ${t(lang, 'withheld')}`;
  }
  if (v.value == null) {
    return '–';
  }
  const text = format === 'share' ? formatShare(lang, v.value) : format === 'decimal' ? formatDecimal(lang, v.value)
    : formatCount(lang, v.value);
  return v.noisy ? `≈ ${text}` : text;
}

/**
 * The label at a mark: the value ("≈ 28" for an estimate). An estimate's 90 % margin is its error bar and its title;
 * written into the label too it was cut off beside the bars on a phone.
 */
function markText(lang, v, format) {
  return valueText(lang, v, format);
}

/** Whether a mark gets an error bar: an estimated count with its margin. */
function hasMargin(v, format) {
  return v.noisy && v.margin != null && v.margin > 0 && format === 'count';
}

function maxOf(chart) {
  let max = 0;
  for (const c of chart.categories) {
    for (const v of c.values) {
      const top = v.value == null ? null : v.value + (hasMargin(v, chart.format) ? v.margin : 0);
      if (top != null && top > max) {
        max = top;
      }
    }
  }
  return max || 1;
}

function seriesClass(chart, i, category) {
  if (category.unknown && chart.series.length <= 1) {
    return 'series-unknown';
  }
  return chart.series[i]?.unknown ? 'series-unknown' : `series-${i % 3}`;
}

function legend(lang, chart) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  ul.setAttribute('aria-hidden', 'true');
  chart.series.forEach((x, i) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = `legend__swatch ${x.unknown ? 'series-unknown' : `series-${i % 3}`}`;
    li.append(sw, x.label);
    ul.append(li);
  });
  return ul;
}

function bars(lang, chart, svgAttrs) {
  const n = chart.series.length || 1;
  const step = n > 1 ? 19 : 0;
  const heights = chart.categories.map(() => 24 + n * (n > 1 ? step : 20) + (n > 1 ? 10 : 2));
  const svg = s('svg', { ...svgAttrs, class: 'chart chart--bars', width: '100%', height: heights.reduce((a, b) => a + b, 0) + 4 });
  const max = maxOf(chart);
  let y = 0;
  chart.categories.forEach((c, ci) => {
    const g = s('g', { class: c.unknown ? 'bar bar--unknown' : 'bar' });
    g.append(s('text', { class: 'chart__label', x: 0, y: y + 15 }, c.label));
    c.values.forEach((v, i) => {
      const by = y + 21 + i * (n > 1 ? step : 0);
      if (v.value != null) {
        const w = Math.round((v.value / max) * PLOT_SHARE * 100) / 100;
        const bh = n > 1 ? 15 : 16;
        g.append(s('rect', { class: `bar__rect ${seriesClass(chart, i, c)}`, x: 0, y: by, width: `${w}%`, height: bh }));
        let end = w;
        if (hasMargin(v, chart.format)) {
          // the 90 % margin as an error bar across the bar's end
          const lo = Math.max(0, Math.round(((v.value - v.margin) / max) * PLOT_SHARE * 100) / 100);
          const hi = Math.round(((v.value + v.margin) / max) * PLOT_SHARE * 100) / 100;
          g.append(s('line', { class: 'chart__margin', x1: `${lo}%`, x2: `${hi}%`, y1: by + bh / 2, y2: by + bh / 2 }));
          g.append(s('line', { class: 'chart__margin', x1: `${hi}%`, x2: `${hi}%`, y1: by + 3, y2: by + bh - 3 }));
          end = hi;
        }
        g.append(s('text', { class: 'chart__value', x: `${end}%`, dx: 6, y: by + (n > 1 ? 12 : 13) }, markText(lang, v, chart.format)));
      } else {
        g.append(s('text', { class: 'chart__na', x: 0, y: by + 12 }, `${n > 1 ? `${chart.series[i].label}: ` : ''}${valueText(lang, v, chart.format)}`));
      }
    });
    svg.append(g);
    y += heights[ci];
  });
  return svg;
}

function columns(lang, chart, svgAttrs) {
  const n = chart.categories.length || 1;
  const k = chart.series.length || 1;
  const plotHeight = 180;
  const base = 34 + plotHeight;
  const height = base + 30;
  const svg = s('svg', { ...svgAttrs, class: 'chart chart--columns', width: '100%', height });
  svg.append(s('line', { class: 'chart__baseline', x1: 0, x2: '100%', y1: base, y2: base }));
  const max = maxOf(chart);
  const slot = 76 / k;
  const small = n > 8;
  // a long series keeps its first and last labels (and the numbers above them) inside the chart on a narrow screen
  const inset = small ? 4 : 0;
  chart.categories.forEach((c, ci) => {
    const col = s('svg', { class: 'column', x: `${inset + (ci * (100 - 2 * inset)) / n}%`, width: `${(100 - 2 * inset) / n}%`, height, overflow: 'visible' });
    if (c.values.some(v => v.value != null)) {
      c.values.forEach((v, i) => {
        const x = 12 + i * slot;
        if (v.value != null) {
          const hgt = Math.round((v.value / max) * plotHeight);
          col.append(s('rect', { class: `column__rect ${seriesClass(chart, i, c)}`, x: `${x + slot * 0.08}%`, width: `${slot * 0.84}%`, y: base - hgt, height: hgt }));
          let top = base - hgt;
          if (hasMargin(v, chart.format)) {
            const hi = base - Math.round(((v.value + v.margin) / max) * plotHeight);
            const lo = base - Math.max(0, Math.round(((v.value - v.margin) / max) * plotHeight));
            col.append(s('line', { class: 'chart__margin', x1: `${x + slot / 2}%`, x2: `${x + slot / 2}%`, y1: lo, y2: hi }));
            col.append(s('line', { class: 'chart__margin', x1: `${x + slot * 0.35}%`, x2: `${x + slot * 0.65}%`, y1: hi, y2: hi }));
            top = hi;
          }
          if (!small || k === 1) {
            const label = s('text', { class: `chart__value${small ? ' chart__value--small' : ''}`, x: `${x + slot / 2}%`, y: top - 6, 'text-anchor': 'middle' }, valueText(lang, v, chart.format));
            if (hasMargin(v, chart.format)) {
              label.append(s('title', {}, markText(lang, v, chart.format)));
            }
            col.append(label);
          }
        } else {
          col.append(s('text', { class: 'chart__na', x: `${x + slot / 2}%`, y: base - 8, 'text-anchor': 'middle' }, t(lang, 'withheldMark')));
        }
      });
    } else {
      col.append(s('line', { class: 'column__na-mark', x1: '30%', x2: '70%', y1: base - 1, y2: base - 1 }));
      const text = s('text', { class: 'chart__na', x: '50%', y: base - 30, 'text-anchor': 'middle' });
      valueText(lang, c.values[0] || { noData: true }, chart.format).split(' ').forEach((word, i) => {
        text.append(s('tspan', { x: '50%', dy: i === 0 ? 0 : 15 }, word));
      });
      col.append(text);
    }
    col.append(s('text', { class: `chart__label${small && ci % 2 ? ' chart__label--odd' : ''}`, x: '50%', y: base + 22, 'text-anchor': 'middle' }, c.label));
    svg.append(col);
  });
  return svg;
}

/**
 * A line per series over the years, one slot per year as the columns have. A year without a number breaks the line
 * (a gap, never a drop to 0): without data it gets the dashed mark on the baseline and the words, withheld the mark.
 */
function line(lang, chart, svgAttrs) {
  const n = chart.categories.length || 1;
  const k = chart.series.length || 1;
  const plotHeight = 180;
  const base = 34 + plotHeight;
  const height = base + 30;
  const svg = s('svg', { ...svgAttrs, class: 'chart chart--line', width: '100%', height });
  svg.append(s('line', { class: 'chart__baseline', x1: 0, x2: '100%', y1: base, y2: base }));
  const max = maxOf(chart);
  const small = n > 8;
  // a long series keeps its first and last labels inside the chart on a narrow screen
  const inset = small ? 4 : 0;
  const x = ci => `${inset + ((ci + 0.5) * (100 - 2 * inset)) / n}%`;
  const y = v => base - Math.round((v / max) * plotHeight);
  for (let i = 0; i < k; i++) {
    const series = chart.series.length ? seriesClass(chart, i, {}) : 'series-0';
    // the series colour on the marks only: text of the group keeps the page's ink on the page's paper
    const g = s('g', { class: 'line' });
    chart.categories.forEach((c, ci) => {
      const v = c.values[i];
      const next = chart.categories[ci + 1]?.values[i];
      if (v?.value != null && next?.value != null) {
        g.append(s('line', { class: `line__segment ${series}`, x1: x(ci), x2: x(ci + 1), y1: y(v.value), y2: y(next.value) }));
      }
    });
    chart.categories.forEach((c, ci) => {
      const v = c.values[i];
      if (v?.value != null) {
        let top = y(v.value);
        if (hasMargin(v, chart.format)) {
          top = y(v.value + v.margin);
          g.append(s('line', { class: 'chart__margin', x1: x(ci), x2: x(ci), y1: y(Math.max(0, v.value - v.margin)), y2: top }));
        }
        g.append(s('circle', { class: `line__point ${series}`, cx: x(ci), cy: y(v.value), r: 4, 'data-year': c.label }));
        if (!small || k === 1) {
          g.append(s('text', { class: `chart__value${small ? ' chart__value--small' : ''}`, x: x(ci), y: Math.min(top, y(v.value) - 5) - 4, 'text-anchor': 'middle' },
            valueText(lang, v, chart.format)));
        }
      } else if (v?.withheld) {
        g.append(s('text', { class: 'chart__na', x: x(ci), y: base - 8 - i * 14, 'text-anchor': 'middle' }, t(lang, 'withheldMark')));
      }
    });
    svg.append(g);
  }
  chart.categories.forEach((c, ci) => {
    if (c.values.length && c.values.every(v => v.value == null && !v.withheld)) {
      const left = inset + ((ci + 0.3) * (100 - 2 * inset)) / n;
      const right = inset + ((ci + 0.7) * (100 - 2 * inset)) / n;
      svg.append(s('line', { class: 'column__na-mark line__na-mark', x1: `${left}%`, x2: `${right}%`, y1: base - 1, y2: base - 1 }));
      // words at every gap of a long series overlap on a phone: there the dashed mark and the legend say it once
      if (!small) {
        const text = s('text', { class: 'chart__na', x: x(ci), y: base - 30, 'text-anchor': 'middle' });
        valueText(lang, c.values[0] || { noData: true }, chart.format).split(' ').forEach((word, wi) => {
          text.append(s('tspan', { x: x(ci), dy: wi === 0 ? 0 : 15 }, word));
        });
        svg.append(text);
      }
    }
    svg.append(s('text', { class: `chart__label${small && ci % 2 ? ' chart__label--odd' : ''}`, x: x(ci), y: base + 22, 'text-anchor': 'middle' }, c.label));
  });
  return svg;
}

/** Renders the chart into area; title and description name the SVG for screen readers. */
export function renderChart(lang, area, chart, title, description) {
  area.replaceChildren();
  if (!chart || !chart.categories.length) {
    return;
  }
  if (chart.series.length > 1) {
    area.append(legend(lang, chart));
  }
  const attrs = { role: 'img', 'aria-labelledby': 'chart-svg-title chart-svg-desc' };
  const svg = chart.type === 'columns' ? columns(lang, chart, attrs) : chart.type === 'line' ? line(lang, chart, attrs)
    : bars(lang, chart, attrs);
  svg.prepend(s('title', { id: 'chart-svg-title' }, title), s('desc', { id: 'chart-svg-desc' }, description));
  area.append(svg);
}
