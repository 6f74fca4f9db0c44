// Turns the reader's choices into questions to the public API: the GraphQL document and its variables, the CSV and
// JSON-stat links, and a curl command. The schema's own type names are used, so a reader can paste any of them into
// GraphiQL. Which dimensions and filter fields a subject has is read from the schema at start (see bootstrap()).

export const SUBJECTS = {
  persons: {
    field: 'personStats', dimensionType: 'PersonDimension', filterType: 'PersonFilter',
    yearDimension: 'ASSESSMENT_YEAR', yearFilter: 'assessmentYears', csv: '/api/stats/persons.csv',
    jsonstat: '/api/stats/persons.json',
  },
  hotline: {
    field: 'hotlineStats', dimensionType: 'HotlineDimension', filterType: 'HotlineFilter',
    yearDimension: 'YEAR', yearFilter: 'years', csv: '/api/stats/hotline.csv', jsonstat: '/api/stats/hotline.json',
  },
  outreach: {
    field: 'outreachStats', dimensionType: 'OutreachDimension', filterType: 'OutreachFilter',
    yearDimension: 'YEAR', yearFilter: 'years', csv: '/api/stats/outreach.csv', jsonstat: '/api/stats/outreach.json',
    outreach: true,
  },
};

/** The outreach metrics the table shows, in order; contactsPerActivity is a summary whose mean is shown. */
export const OUTREACH_METRICS = ['activities', 'contacts', 'uniquePersons', 'newPersons', 'observed', 'observedNew',
  'nationalities', 'healthServiceUses', 'abortionReferrals', 'activeWeeks', 'contactsPerActivity',
  'assessedTrafficked'];

/** Metrics that count persons: disclosure control may withhold them (null with suppressed: true). */
export const OUTREACH_PROTECTED = ['uniquePersons', 'newPersons', 'assessedTrafficked'];

export const BOOTSTRAP = `query ExplorerStart {
  codebook { name da: label(lang: DA) en: label(lang: EN) codes { code da: label(lang: DA) en: label(lang: EN) } }
  years
  __schema { types { name fields { name } enumValues { name } inputFields { name } } }
}`;

const SPECIAL_FILTER_FIELDS = { ASSESSMENT_YEAR: 'assessmentYears', OUTCOME_YEAR: 'outcomeYears', YEAR: 'years' };

function camel(dimension) {
  return dimension.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase());
}

/** What the schema says each subject has: its dimensions and, per dimension, the filter field (or none). */
export function schemaInfo(data) {
  const codebook = new Map(data.codebook.map(d => [d.name, d]));
  const types = new Map(data.__schema.types.map(x => [x.name, x]));
  const fieldsOf = name => new Set((types.get(name)?.fields || []).map(f => f.name));
  // estimates (noisy cells with a margin) are asked for only where the server's schema has them, so that the page
  // works against a server from before them
  const groupFields = fieldsOf('Group');
  const statsFields = fieldsOf('Stats');
  const info = { codebook, years: data.years, subjects: {},
    estimates: groupFields.has('noisy') && groupFields.has('margin') && statsFields.has('totalNoisy')
      && statsFields.has('totalMargin') };
  for (const [name, subject] of Object.entries(SUBJECTS)) {
    const dims = types.get(subject.dimensionType).enumValues.map(v => v.name);
    const fields = new Set(types.get(subject.filterType).inputFields.map(f => f.name));
    const filterField = {};
    for (const d of dims) {
      const field = SPECIAL_FILTER_FIELDS[d] || camel(d);
      if (fields.has(field) && d !== subject.yearDimension) {
        filterField[d] = field;
      }
    }
    info.subjects[name] = {
      ...subject,
      dimensions: dims.filter(d => d !== subject.yearDimension),
      filterField,
    };
  }
  return info;
}

/** The years from..to, ascending. */
export function yearRange(state) {
  const from = Math.min(state.from, state.to);
  const to = Math.max(state.from, state.to);
  const years = [];
  for (let y = from; y <= to; y++) {
    years.push(y);
  }
  return years;
}

export function isSeries(state) {
  return state.from !== state.to;
}

/** The questions of a table: the filter, the full groupBy, and the one-way margins a cross-tab needs. */
export function plan(info, state, anonymous = true) {
  const subject = info.subjects[state.subject];
  const filter = { [subject.yearFilter]: yearRange(state) };
  for (const [dimension, values] of Object.entries(state.filters)) {
    const field = subject.filterField[dimension];
    if (field && values.length) {
      filter[field] = values;
    }
  }
  const groupBy = [...(isSeries(state) ? [subject.yearDimension] : []), ...state.dims];
  // without a token an outreach question names one year: a series is then asked one year at a time
  const p = { subject, filter, groupBy, rowBy: groupBy, colBy: [], perYear: !!subject.outreach && anonymous && isSeries(state),
    estimates: !!info.estimates, series: isSeries(state) };
  if (!subject.outreach && groupBy.length >= 2) {
    p.rowBy = groupBy.slice(0, -1);
    p.colBy = groupBy.slice(-1);
  }
  return p;
}

const KEY = 'key { code da: label(lang: DA) en: label(lang: EN) }';
const STATS = `{ total groups { ${KEY} count share suppressed reason } }`;
/** With estimates: a noisy count says so and carries its 90 % margin, for every group and for the total. */
const STATS_ESTIMATES = `{ total totalNoisy totalMargin groups { ${KEY} count share suppressed reason noisy margin } }`;
const OUTREACH = `{ ${KEY} activities contacts uniquePersons newPersons observed observedNew nationalities \
healthServiceUses abortionReferrals activeWeeks contactsPerActivity { mean } assessedTrafficked suppressed }`;

/**
 * The questions of a table as one GraphQL document: `main` (the full breakdown) and, for a cross-tab, `rows` and
 * `cols` (the one-way breakdowns that give the row and column totals; the browser never adds cells up, since withheld
 * cells would make its sums wrong). For outreach, `all` is the row of everything the filter selects. `parts` are the
 * same questions one by one, asked when the API refuses one of them (a refused field fails the whole document).
 */
export function documents(p) {
  const s = p.subject;
  if (p.perYear) {
    return outreachSeries(p);
  }
  const body = s.outreach ? OUTREACH : p.estimates ? STATS_ESTIMATES : STATS;
  const fields = [['main', '$groupBy']];
  const variables = { filter: p.filter, groupBy: p.groupBy };
  if (s.outreach && p.groupBy.length) {
    fields.push(['all', null]);
  } else if (p.colBy.length) {
    fields.push(['rows', '$rowBy'], ['cols', '$colBy']);
    variables.rowBy = p.rowBy;
    variables.colBy = p.colBy;
  }
  const declare = names => [`$filter: ${s.filterType}`,
    ...names.filter(Boolean).map(n => `${n}: [${s.dimensionType}!]`)].join(', ');
  const field = ([alias, by]) => `  ${alias}: ${s.field}(filter: $filter${by ? `, groupBy: ${by}` : ''}) ${body}`;
  const combined = {
    query: `query Explore(${declare(fields.map(f => f[1]))}) {\n${fields.map(field).join('\n')}\n}`,
    variables,
  };
  const parts = fields.map(f => ({
    alias: f[0],
    query: `query Explore(${declare([f[1] && '$groupBy'])}) {\n${field([f[0], f[1] && '$groupBy'])}\n}`,
    variables: { filter: p.filter, ...(f[1] ? { groupBy: variables[f[1].slice(1)] } : {}) },
  }));
  return { combined, parts };
}

/**
 * An outreach series for a caller without a token: one question per year (`y2011`, `y2012`, ...; each names one
 * year, as such callers must) plus `all`, the row of the whole span (refused, and shown as not published). The page shows the years' rows one after the other.
 */
function outreachSeries(p) {
  const s = p.subject;
  const years = p.filter.years;
  const variables = { groupBy: p.groupBy, filter: p.filter };
  years.forEach(y => { variables[`f${y}`] = { ...p.filter, years: [y] }; });
  const groupByType = `[${s.dimensionType}!]`;
  const fields = years.map(y => [`y${y}`, `$f${y}`, '$groupBy']);
  fields.push(['all', '$filter', null]);
  const field = ([alias, f, by]) => `  ${alias}: ${s.field}(filter: ${f}${by ? `, groupBy: ${by}` : ''}) ${OUTREACH}`;
  const combined = {
    query: `query Explore(${[...years.map(y => `$f${y}: ${s.filterType}`), `$filter: ${s.filterType}`,
      `$groupBy: ${groupByType}`].join(', ')}) {\n${fields.map(field).join('\n')}\n}`,
    variables,
  };
  const parts = fields.map(([alias, f, by]) => ({
    alias,
    query: `query Explore($filter: ${s.filterType}${by ? `, $groupBy: ${groupByType}` : ''}) {\n${field([alias, '$filter', by && '$groupBy'])}\n}`,
    variables: { filter: variables[f.slice(1)], ...(by ? { groupBy: p.groupBy } : {}) },
  }));
  return { combined, parts, perYear: years.map(y => `y${y}`) };
}

/**
 * The query string of the CSV (and JSON-stat) endpoints: the filter fields, groupBy, lang, and for a series of
 * persons or calls orderBy=KEY, so that the file lists the years in the order the screen shows them.
 */
export function csvQuery(p, lang) {
  const params = new URLSearchParams();
  if (p.groupBy.length) {
    params.set('groupBy', p.groupBy.join(','));
  }
  if (p.series && !p.subject.outreach && p.groupBy.length) {
    params.set('orderBy', 'KEY');
  }
  for (const [field, values] of Object.entries(p.filter)) {
    params.set(field, values.join(','));
  }
  params.set('lang', lang);
  return params.toString();
}

export function csvUrl(p, lang) {
  return `${p.subject.csv}?${csvQuery(p, lang)}`;
}

export function jsonstatUrl(p, lang) {
  return `${p.subject.jsonstat}?${csvQuery(p, lang)}`;
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that asks the same question and gets the same numbers. */
export function curl(origin, request, withToken) {
  const body = JSON.stringify({ query: request.query.replace(/\s+/g, ' '), variables: request.variables });
  return ['curl -s', withToken ? `-H "Authorization: Bearer $CMM_TOKEN"` : null,
    `-H 'Content-Type: application/json'`, `-d ${shellQuote(body)}`, `${origin}/graphql`]
    .filter(Boolean).join(' \\\n  ');
}
