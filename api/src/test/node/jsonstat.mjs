// Reads the JSON-stat endpoints (/api/stats/{persons,hotline,outreach}.json) with a real JSON-stat reader,
// jsonstat-toolkit, and compares every cell of each cube with the GraphQL answer to the same question, asked by the
// same caller (anonymous, or with the analyst's token). Prints one JSON line: per question what the reader saw and
// every mismatch (there should be none).
// Usage: node jsonstat.mjs http://localhost:PORT ANALYST_TOKEN
import JSONstat from 'jsonstat-toolkit';

const [base, token] = process.argv.slice(2);

const SUBJECTS = {
  persons: { field: 'personStats', filterType: 'PersonFilter', dimensionType: 'PersonDimension', year: 'assessmentYears' },
  hotline: { field: 'hotlineStats', filterType: 'HotlineFilter', dimensionType: 'HotlineDimension', year: 'years' },
  outreach: { field: 'outreachStats', filterType: 'OutreachFilter', dimensionType: 'OutreachDimension', year: 'years' },
};
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The questions: one-way, two-way, year series (with years without data), outreach, both languages, both callers.
const CASES = [
  { name: 'anonymousOneWayDa', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: ['NATIONALITY'], lang: 'da' },
  { name: 'anonymousTwoWayEn', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: ['GENDER', 'EXPLOITATION'], lang: 'en' },
  { name: 'anonymousWithheldDa', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: ['REGION', 'OUTCOME_YEAR'], lang: 'da' },
  { name: 'anonymousNoisyEn', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: ['REGION', 'GENDER'], lang: 'en', includeEmpty: true },
  { name: 'anonymousSeriesEn', subject: 'persons', filter: { assessmentYears: range(2007, 2016) }, groupBy: ['ASSESSMENT_YEAR'], lang: 'en' },
  { name: 'anonymousTotalDa', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: [], lang: 'da' },
  { name: 'staffSeriesEn', subject: 'persons', filter: { assessmentYears: range(2007, 2016) }, groupBy: ['ASSESSMENT_YEAR'], lang: 'en', token: true },
  { name: 'staffSeriesByGenderDa', subject: 'persons', filter: { assessmentYears: range(2007, 2016) }, groupBy: ['ASSESSMENT_YEAR', 'GENDER'], lang: 'da', token: true },
  { name: 'staffTwoWayEn', subject: 'persons', filter: { assessmentYears: [2012] }, groupBy: ['NATIONALITY', 'GENDER'], lang: 'en', token: true, includeEmpty: true },
  { name: 'anonymousHotlineDa', subject: 'hotline', filter: { years: [2012] }, groupBy: ['REASON'], lang: 'da' },
  { name: 'staffHotlineSeriesEn', subject: 'hotline', filter: { years: range(2010, 2014) }, groupBy: ['YEAR', 'CALLER_TYPE'], lang: 'en', token: true },
  { name: 'anonymousOutreachEn', subject: 'outreach', filter: { years: [2012] }, groupBy: ['MONTH'], lang: 'en' }, // victims by month are withheld
  { name: 'staffOutreachDa', subject: 'outreach', filter: { years: range(2011, 2013) }, groupBy: ['YEAR', 'PROGRAMME_KIND'], lang: 'da', token: true },
];

const STATUS_OF_REASON = { WITHHELD: 'c', NO_DATA: 'm', NOT_PUBLISHED: 'u' };
const OUTREACH_COUNTS = ['activities', 'contacts', 'uniquePersons', 'newPersons', 'observed', 'observedNew',
  'nationalities', 'healthServiceUses', 'abortionReferrals', 'activeWeeks'];
const PERSON_METRICS = new Set(['uniquePersons', 'newPersons', 'assessedTrafficked']);
const SUMMARIES = { contactsPerActivity: 'contactsPerActivity', healthUsesPerPerson: 'healthUsesPerPerson' };

function headers(c) {
  return c.token ? { Authorization: `Bearer ${token}` } : {};
}

function jsonstatUrl(c) {
  const params = new URLSearchParams();
  if (c.groupBy.length) params.set('groupBy', c.groupBy.join(','));
  for (const [field, values] of Object.entries(c.filter)) params.set(field, values.join(','));
  if (c.includeEmpty) params.set('includeEmpty', 'true');
  params.set('lang', c.lang);
  return `${base}/api/stats/${c.subject}.json?${params}`;
}

async function graphql(c, groupBy) {
  const s = SUBJECTS[c.subject];
  const lang = c.lang.toUpperCase();
  const key = `key { dimension code label(lang: ${lang}) }`;
  const body = c.subject === 'outreach'
    ? `{ ${key} ${OUTREACH_COUNTS.join(' ')} contactsPerActivity { mean min max } healthUsesPerPerson { mean min max } assessedTrafficked suppressed }`
    : `{ total totalNoisy totalMargin groups { ${key} count share suppressed reason noisy margin } }`;
  const args = c.subject === 'outreach' ? '' : ', includeEmpty: $includeEmpty';
  const declare = c.subject === 'outreach' ? '' : ', $includeEmpty: Boolean';
  const query = `query Q($filter: ${s.filterType}, $groupBy: [${s.dimensionType}!]${declare}) {
    answer: ${s.field}(filter: $filter, groupBy: $groupBy${args}) ${body} }`;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers(c) },
    body: JSON.stringify({ query, variables: { filter: c.filter, groupBy, includeEmpty: !!c.includeEmpty } }),
  });
  const json = await response.json();
  if (json.errors) throw new Error(`${c.name}: GraphQL errors ${JSON.stringify(json.errors)}`);
  return json.data.answer;
}

// every combination of the categories of the dimensions given, as objects {dimension: code}
function combinations(ds, ids) {
  let all = [{}];
  for (const id of ids) {
    const codes = ds.Dimension(id).id;
    all = all.flatMap(prefix => codes.map(code => ({ ...prefix, [id]: code })));
  }
  return all;
}

const same = (a, b) => (a === null || b === null) ? a === b : Math.abs(a - b) < 1e-12;

async function check(c) {
  const response = await fetch(jsonstatUrl(c), { headers: headers(c) });
  const raw = await response.json();
  const ds = JSONstat(raw);
  const result = {
    httpStatus: response.status, contentType: response.headers.get('content-type'),
    class: ds.class, version: raw.version, length: ds.length, id: ds.id, size: ds.size, n: ds.n,
    role: { time: ds.role?.time ?? null, geo: ds.role?.geo ?? null, metric: ds.role?.metric ?? null },
    source: ds.source, label: ds.label, note: ds.note, extension: ds.extension, link: ds.link,
    cells: 0, nulls: 0, statusCounts: {}, mismatches: [], labels: 0,
  };
  const mismatch = what => { if (result.mismatches.length < 20) result.mismatches.push(what); };
  const groupBy = c.groupBy;
  const answer = await graphql(c, groupBy);
  const groups = c.subject === 'outreach' ? answer : answer.groups;
  const keyOf = key => key.map(k => k.code).join('|');
  const byKey = new Map(groups.map(g => [keyOf(g.key), g]));

  // labels: every key code the answer names is a category with the answer's label in the language asked for
  for (const g of groups) {
    g.key.forEach(k => {
      const category = ds.Dimension(k.dimension)?.Category(k.code);
      if (!category) mismatch(`${k.dimension} ${k.code} is not a category`);
      else if (category.label !== k.label) mismatch(`label of ${k.dimension} ${k.code}: ${category.label} != ${k.label}`);
      else result.labels++;
    });
  }
  // years the one-way year question calls "no data" (a cross-tab lists no group for them)
  let noData = new Set();
  const yearDim = groupBy.find(d => ['ASSESSMENT_YEAR', 'YEAR'].includes(d));
  if (c.subject !== 'outreach' && yearDim && groupBy.length > 1) {
    const oneWay = await graphql(c, [yearDim]);
    noData = new Set(oneWay.groups.filter(g => g.reason === 'NO_DATA').map(g => g.key[0].code));
    result.noDataYears = [...noData];
  }

  for (const combo of combinations(ds, groupBy)) {
    const key = groupBy.map(d => combo[d]).join('|');
    const group = groupBy.length === 0 ? null : byKey.get(key);
    for (const metric of ds.Dimension('measure').id) {
      const cell = ds.Data({ ...combo, measure: metric });
      result.cells++;
      if (cell.value === null) result.nulls++;
      if (cell.status) result.statusCounts[cell.status] = (result.statusCounts[cell.status] ?? 0) + 1;
      let expected;
      let status = null;
      if (c.subject === 'outreach') {
        const summary = Object.keys(SUMMARIES).find(s => metric.startsWith(s));
        const row = groupBy.length === 0 ? groups[0] : group;
        if (summary) {
          const part = metric.slice(summary.length).toLowerCase();
          expected = row?.[summary]?.[part] ?? null;
        } else {
          expected = row ? row[metric] : 0;
        }
        if (expected === null) status = PERSON_METRICS.has(metric) && row?.suppressed ? 'c' : 'z';
      } else if (groupBy.length === 0) {
        expected = metric === 'count' ? answer.total : (answer.total === null ? null : answer.total === 0 ? 0 : 1);
        if (expected === null) status = 'c';
        else if (metric === 'count' && answer.totalNoisy) status = 'e';
      } else if (group) {
        expected = metric === 'count' ? group.count : group.share;
        if (expected === null) status = group.count === null ? STATUS_OF_REASON[group.reason] : 's';
        // an estimate of the noisy layer, and a share of one (or of an estimated total), is Eurostat's "e"
        else if (group.noisy || (metric === 'share' && answer.totalNoisy)) status = 'e';
      } else if (yearDim && noData.has(combo[yearDim])) {
        expected = null;
        status = 'm';
      } else {
        // not listed in a complete answer: a true zero, of a known total
        expected = metric === 'count' ? 0 : (answer.total === null ? null : 0);
        if (expected === null) status = 's';
      }
      if (!same(cell.value, expected) || (cell.status ?? null) !== status) {
        mismatch(`${key} ${metric}: JSON-stat ${cell.value} (${cell.status}) != GraphQL ${expected} (${status})`);
      }
    }
  }
  // every group of the answer is a cell of the cube
  for (const g of (groupBy.length ? groups : [])) {
    const combo = Object.fromEntries(g.key.map(k => [k.dimension, k.code]));
    if (!ds.Data({ ...combo, measure: ds.Dimension('measure').id[0] })) mismatch(`group ${keyOf(g.key)} has no cell`);
  }
  result.groups = groups.length;
  // every estimate's margin is in extension.margin, by the index of its count
  if (c.subject !== 'outreach') {
    const margins = ds.extension?.margin ?? {};
    const noisy = groups.filter(g => g.noisy);
    result.margins = Object.keys(margins).length;
    result.noisyGroups = noisy.length;
    for (const g of noisy) {
      const combo = Object.fromEntries(g.key.map(k => [k.dimension, k.code]));
      const index = ds.id.reduce((i, d, n) => i * ds.size[n] + ds.Dimension(d).id.indexOf(d === 'measure' ? 'count' : combo[d]), 0);
      if (margins[String(index)] !== g.margin) mismatch(`margin of ${keyOf(g.key)}: JSON-stat ${margins[String(index)]} != GraphQL ${g.margin}`);
    }
  }
  result.timeCategories = ds.role?.time ? ds.Dimension(ds.role.time[0]).id : null;
  result.measureLabels = ds.Dimension('measure').Category().map(x => x.label);
  result.tableRows = ds.toTable({ type: 'arrobj', status: true }).length;
  return result;
}

const results = {};
for (const c of CASES) {
  results[c.name] = await check(c);
}
// errors: a bad parameter and a refused question, as JSON
const bad = await fetch(`${base}/api/stats/persons.json?groupBy=SLAVERY`);
const refused = await fetch(`${base}/api/stats/outreach.json?years=2011,2012`);
const errors = {
  bad: { status: bad.status, contentType: bad.headers.get('content-type'), body: await bad.json() },
  refused: { status: refused.status, contentType: refused.headers.get('content-type'), body: await refused.json() },
};
errors.bad.reader = JSONstat(errors.bad.body).error ?? null;
console.log(JSON.stringify({ results, errors }));
