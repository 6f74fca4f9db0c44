// The "CSV for Excel" download: the CSV endpoint's own file (so its numbers are the API's), rewritten in the dialect
// Danish Excel opens with a double-click: a byte order mark (else Excel reads UTF-8 as Windows-1252), semicolons
// (the comma is the Danish decimal sign), decimal commas, and labels in place of codes, with headings in the page's
// language.

import { t } from './i18n.js';

/** Parses RFC 4180 text into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function excelField(value) {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rewrites the endpoint's CSV: each dimension's code and label columns become one column headed by the dimension's
 * label; count, share and the outreach metrics get headings in words; decimals get a comma; "suppressed" becomes a
 * column saying which numbers are withheld.
 */
export function toExcel(lang, csvText, dimensionLabel) {
  const [header, ...rows] = parseCsv(csvText);
  const keep = [];
  const headings = [];
  header.forEach((name, i) => {
    if (header.includes(`${name}_LABEL`)) {
      return; // the code column: its label column stands for it
    }
    keep.push(i);
    if (name.endsWith('_LABEL')) {
      headings.push(dimensionLabel(name.slice(0, -6)));
    } else if (name === 'count' || name === 'share') {
      headings.push(t(lang, name));
    } else if (name === 'suppressed') {
      headings.push(t(lang, 'withheld'));
    } else {
      const key = `outreach.${name.replace(/(Mean|Min|Max)$/, '')}`;
      const suffix = (name.match(/(Mean|Min|Max)$/) || [])[1];
      const base = t(lang, key) === key ? name : t(lang, key).replace(/ \(.*\)$/, '');
      headings.push(suffix ? `${base} (${suffix.toLowerCase()})` : base);
    }
  });
  const out = [headings.map(excelField).join(';')];
  for (const row of rows) {
    out.push(keep.map(i => {
      const name = header[i];
      const v = row[i] ?? '';
      if (name === 'suppressed') {
        return v === 'true' ? t(lang, 'withheld') : '';
      }
      return excelField(/^-?\d+\.\d+$/.test(v) && !name.endsWith('_LABEL') ? v.replace('.', ',') : v);
    }).join(';'));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
