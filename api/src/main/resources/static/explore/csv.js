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

/** The columns that say how a number was made; in the Excel file they become one column of words. */
const NOTE_COLUMNS = ['suppressed', 'noisy', 'reason'];

/** The words of a row's note: why it has no count, or that its count is an estimate. */
function note(lang, fields) {
  if (fields.reason) {
    const key = `reason.${fields.reason}`;
    return t(lang, key) === key ? fields.reason : t(lang, key);
  }
  if (fields.suppressed === 'true') {
    return t(lang, 'reason.WITHHELD');
  }
  return fields.noisy === 'true' ? t(lang, 'estimate') : '';
}

/**
 * Rewrites the endpoint's CSV: each dimension's code and label columns become one column headed by the dimension's
 * label; count, share, margin and the outreach metrics get headings in words; decimals get a comma; the columns
 * suppressed, noisy and reason become one column, "Note", saying in words which numbers are withheld, not available
 * or estimates, as the screen does.
 */
export function toExcel(lang, csvText, dimensionLabel) {
  const [header, ...rows] = parseCsv(csvText);
  const keep = [];
  const headings = [];
  const notes = header.map((name, i) => [name, i]).filter(([name]) => NOTE_COLUMNS.includes(name));
  header.forEach((name, i) => {
    if (header.includes(`${name}_LABEL`) || NOTE_COLUMNS.includes(name)) {
      return; // the code column: its label column stands for it; the note columns: the note stands for them
    }
    keep.push(i);
    if (name.endsWith('_LABEL')) {
      headings.push(dimensionLabel(name.slice(0, -6)));
    } else if (name === 'count' || name === 'share') {
      headings.push(t(lang, name));
    } else if (name === 'margin') {
      headings.push(t(lang, 'excel.margin'));
    } else {
      const key = `outreach.${name.replace(/(Mean|Min|Max)$/, '')}`;
      const suffix = (name.match(/(Mean|Min|Max)$/) || [])[1];
      const base = t(lang, key) === key ? name : t(lang, key).replace(/ \(.*\)$/, '');
      headings.push(suffix ? `${base} (${suffix.toLowerCase()})` : base);
    }
  });
  if (notes.length) {
    headings.push(t(lang, 'excel.note'));
  }
  const out = [headings.map(excelField).join(';')];
  for (const row of rows) {
    const fields = keep.map(i => {
      const name = header[i];
      const v = row[i] ?? '';
      return excelField(/^-?\d+\.\d+$/.test(v) && !name.endsWith('_LABEL') ? v.replace('.', ',') : v);
    });
    if (notes.length) {
      fields.push(excelField(note(lang, Object.fromEntries(notes.map(([name, i]) => [name, row[i] ?? ''])))));
    }
    out.push(fields.join(';'));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
