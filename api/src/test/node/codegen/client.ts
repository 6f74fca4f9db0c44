// A small urql client written against the types graphql-codegen generated from the running server's schema
// (generated.ts, written beside this file by codegen.mjs). Compiled with tsc --strict, then run: it prints one JSON
// line with what it got.
import { Client, fetchExchange } from '@urql/core';
import { BreakdownDocument, OutreachDocument } from './generated.js';
import type { BreakdownQuery, OutreachQuery, PersonDimension } from './generated.js';

declare const process: { argv: string[] };

const client = new Client({ url: `${process.argv[2]}/graphql`, exchanges: [fetchExchange] });

/** Years as numbers, counts that may be null and why: the types say so, so the code must handle null. */
function series(data: BreakdownQuery): Array<{ year: number; count: number | null; reason: string | null }> {
  return data.personStats.groups.map(g => ({
    year: g.key[0].year ?? -1,
    count: g.count,
    reason: g.reason === 'NO_DATA' ? 'no data' : g.reason === 'NOT_PUBLISHED' ? 'not published' : g.reason,
  }));
}

function contacts(data: OutreachQuery): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const row of data.outreachStats) {
    out[row.key[0].code] = row.contactsPerActivity.mean ?? null;
  }
  return out;
}

const byYear: PersonDimension[] = ['ASSESSMENT_YEAR'];
const years = await client.query(BreakdownDocument, {
  filter: { assessmentYears: [2008, 2009, 2010, 2011, 2012] },
  groupBy: byYear,
}).toPromise();
const outreach = await client.query(OutreachDocument, { year: 2012 }).toPromise();
console.log(JSON.stringify({
  errors: [years.error, outreach.error].filter(e => e != null).map(String),
  series: years.data ? series(years.data) : null,
  total: years.data?.personStats.total ?? null,
  contactsPerActivity: outreach.data ? contacts(outreach.data) : null,
}));
