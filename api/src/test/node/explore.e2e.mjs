// End-to-end test of the table builder (/explore) in Debian's Chromium, driven by playwright-core.
//   node explore.e2e.mjs BASE_URL ANALYST_TOKEN OUT_DIR
// Prints one line per check ("PASS ..." / "FAIL ..."), "TIMING ..." lines, and "SUMMARY passed=N failed=M"; exits 1
// on any failure. Every number on the page is compared with the API asked directly from Node (the same public
// endpoints the page uses), the CSV download with the CSV endpoint, and every request the browser makes is checked
// to go to the server under test and nowhere else.

import { chromium } from 'playwright-core';
import JSONstat from 'jsonstat-toolkit';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, analystToken, outDir = 'target/explore'] = process.argv.slice(2);
if (!base || !analystToken) {
  console.error('usage: node explore.e2e.mjs BASE_URL ANALYST_TOKEN [OUT_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const serverHost = new URL(base).host;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`PASS ${name}${detail ? `: ${detail}` : ''}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
  return ok;
}

// ---- the API, asked from Node --------------------------------------------------------------------------------

async function api(query, variables, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!body.data) {
    throw new Error(`API refused: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** The expected cross-tab of persons in a year by two dimensions, cell by cell, as the API answers it. */
async function expectedCrossTab(year, rowDim, colDim, token) {
  const q = `query($f: PersonFilter, $g: [PersonDimension!]) { s: personStats(filter: $f, groupBy: $g) {
    total groups { key { code } count suppressed } } }`;
  const f = { assessmentYears: [year] };
  const [main, rows, cols] = await Promise.all([[rowDim, colDim], [rowDim], [colDim]]
    .map(g => api(q, { f, g }, token).then(d => d.s)));
  const value = g => (g.suppressed ? 'withheld' : String(g.count));
  const cells = {};
  for (const g of main.groups) {
    cells[`${g.key[0].code}|${g.key[1].code}`] = value(g);
  }
  const rowTotals = Object.fromEntries(rows.groups.map(g => [g.key[0].code, value(g)]));
  const colTotals = Object.fromEntries(cols.groups.map(g => [g.key[0].code, value(g)]));
  return { cells, rowTotals, colTotals, total: main.total == null ? 'withheld' : String(main.total) };
}

// ---- the page ------------------------------------------------------------------------------------------------

const blocked = [];
const requested = [];

async function newContext(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  await context.route('**/*', route => {
    const url = new URL(route.request().url());
    if (url.host !== serverHost || !['http:', 'https:'].includes(url.protocol)) {
      blocked.push(route.request().url());
      return route.abort();
    }
    requested.push(url.pathname);
    return route.continue();
  });
  return context;
}

async function openPage(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => {
    if (/Content Security Policy|Refused to/.test(m.text())) {
      errors.push(m.text());
    }
  });
  page.errors = errors;
  await page.goto(`${base}/explore${query}`);
  await page.waitForSelector('#result:not([data-generation="0"])', { timeout: 30000 });
  return page;
}

async function generation(page) {
  return Number(await page.locator('#result').getAttribute('data-generation'));
}

/** Performs an action that changes a choice; waits for the new table; returns the page's and the wall time. */
async function timed(page, label, action, timings) {
  const before = await generation(page);
  const t0 = Date.now();
  await action();
  await page.waitForFunction(g => Number(document.getElementById('result').dataset.generation) > g
    && !document.getElementById('result').hasAttribute('aria-busy'), before, { timeout: 30000 });
  const wall = Date.now() - t0;
  const pageMs = Number(await page.locator('#result').getAttribute('data-render-ms'));
  const fetchMs = Number(await page.locator('#result').getAttribute('data-fetch-ms'));
  timings.push({ label, pageMs, wall, ownMs: pageMs - fetchMs });
  console.log(`TIMING ${label}: ${pageMs} ms from the choice to the table in the page, of which ${fetchMs} ms waiting for the API (${wall} ms as the test saw it)`);
  return pageMs;
}

/** The table as shown: per row key, per column, the raw API value the cell carries (number, withheld, nodata). */
async function readTable(page) {
  return page.$$eval('#result-table tbody tr, #result-table tfoot tr', trs => {
    const out = {};
    for (const tr of trs) {
      const row = {};
      for (const td of tr.querySelectorAll('td[data-col]')) {
        row[td.dataset.col] = td.dataset.count;
      }
      out[tr.dataset.key] = row;
    }
    return out;
  });
}

/** The same cells, whatever the order of the rows. */
function same(a, b) {
  const canonical = t => JSON.stringify(Object.keys(t).sort().map(k => [k, Object.keys(t[k]).sort().map(c => [c, t[k][c]])]));
  return canonical(a) === canonical(b);
}

function compareWithApi(name, table, expected) {
  const problems = [];
  const rowKeys = Object.keys(table).filter(k => k !== 'TOTAL');
  // a row the one-way answer leaves out has the total 0 there (zeros are listed only with includeEmpty); the
  // cross-tab still lists it where its cells are withheld
  const apiRows = [...new Set([...Object.keys(expected.rowTotals),
    ...rowKeys.filter(r => !(r in expected.rowTotals) && table[r].TOTAL === '0')])];
  if (rowKeys.slice().sort().join() !== apiRows.slice().sort().join()) {
    problems.push(`rows ${rowKeys.sort().join(',')} vs API ${apiRows.sort().join(',')}`);
  }
  let compared = 0;
  for (const r of rowKeys) {
    for (const [col, shown] of Object.entries(table[r])) {
      const want = col === 'TOTAL' ? (expected.rowTotals[r] ?? '0') : (expected.cells[`${r}|${col}`] ?? '0');
      compared++;
      if (shown !== want) {
        problems.push(`${r}/${col}: page ${shown}, API ${want}`);
      }
    }
  }
  for (const [col, shown] of Object.entries(table.TOTAL || {})) {
    const want = col === 'TOTAL' ? expected.total : (expected.colTotals[col] ?? '0');
    compared++;
    if (shown !== want) {
      problems.push(`total/${col}: page ${shown}, API ${want}`);
    }
  }
  const cols = Object.keys(table.TOTAL || {}).filter(c => c !== 'TOTAL').sort().join();
  const apiCols = [...new Set([...Object.keys(expected.colTotals), ...Object.keys(table.TOTAL || {})
    .filter(c => c !== 'TOTAL' && !(c in expected.colTotals) && table.TOTAL[c] === '0')])];
  if (cols !== apiCols.sort().join()) {
    problems.push(`columns ${cols} vs API ${Object.keys(expected.colTotals).sort().join()}`);
  }
  check(name, problems.length === 0 && compared > 0, problems.length ? problems.slice(0, 5).join('; ') : `${compared} numbers equal the API's`);
}

async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click(selector)]);
  const file = path.join(outDir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

async function axe(page, name) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = results.violations.filter(v => ['serious', 'critical'].includes(v.impact));
  check(`axe-core: no serious or critical violation (${name})`, bad.length === 0,
    bad.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`).join('; ')
    || `${results.violations.length} minor or moderate`);
}

async function pressUntil(page, selector, key, value, max = 300) {
  for (let i = 0; i < max; i++) {
    if ((await page.locator(selector).inputValue()) === value) {
      return true;
    }
    await page.keyboard.press(key);
    await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
  }
  return (await page.locator(selector).inputValue()) === value;
}

async function tabTo(page, id, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(target => document.activeElement?.id === target, id)) {
      return true;
    }
  }
  return false;
}

// every word of the page exists in both languages
const i18n = await import(new URL('../../main/resources/static/explore/i18n.js', import.meta.url));
const missing = [...i18n.keys('da').filter(k => !i18n.keys('en').includes(k)), ...i18n.keys('en').filter(k => !i18n.keys('da').includes(k))];
check('every text of the page is in Danish and in English', missing.length === 0, missing.join(', '));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
// The tests run the server with its start-up warm-up off (cmm.disclosure.warm-up=false); a served application
// builds the protected tables of every year when it starts. Do what the warm-up does before measuring: one anonymous
// question per subject for each year the test uses (other questions than the page asks, so no answer is cached).
const warmStart = Date.now();
for (const year of [2011, 2012]) {
  await api(`{ personStats(filter: {assessmentYears: [${year}]}, groupBy: [EXPLOITATION]) { total } }`, {}, null);
  await api(`{ hotlineStats(filter: {years: [${year}]}, groupBy: [REASON]) { total } }`, {}, null);
  await api(`{ outreachStats(filter: {years: [${year}]}, groupBy: [CITY]) { contacts } }`, {}, null);
}
console.log(`TIMING server warm-up (protected tables of 2011 and 2012, as at start-up): ${Date.now() - warmStart} ms`);

/** Whether the page pans sideways: its scroll width beyond the viewport's. */
async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Text marks of the chart that reach beyond the chart's own box (cut off on screen). */
async function clippedChartText(page) {
  return page.$$eval('#chart-area svg.chart', svgs => svgs.flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none' && t.textContent.trim())
      .filter(t => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
      }).map(t => t.textContent);
  }));
}

/**
 * Issue 25 and 22 as a newcomer meets the page: a cold load on a phone (a chart and numbers, a loading state while the
 * API answers, no sentence about "Total" being the largest group), no page that pans sideways, a URL with three
 * dimensions that can be mended, and estimates (≈ with their note) in both languages.
 */
async function firstContact(browser) {
  const phone = await newContext(browser, { viewport: { width: 390, height: 844 } });
  // cold: nothing cached in the page; the API's answers held back a moment, so that the loading state shows
  let held = 0;
  await phone.route(url => url.pathname === '/graphql', async route => {
    held++;
    await new Promise(resolve => setTimeout(resolve, 800));
    return route.fallback();
  });
  const cold = await phone.newPage();
  const coldErrors = [];
  cold.on('pageerror', e => coldErrors.push(e.message));
  await cold.goto(`${base}/explore`);
  const loadingShown = await cold.waitForSelector('#loading', { state: 'visible', timeout: 5000 }).then(() => true, () => false);
  const emptyBanner = await cold.evaluate(() => {
    const mode = document.getElementById('mode');
    return !mode.hidden && mode.textContent.trim() === '';
  });
  await cold.waitForSelector('#result:not([data-generation="0"])', { timeout: 30000 });
  await cold.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
  const numbers = await cold.$$eval('#result-table tbody td[data-count]', tds => tds.filter(td => /^\d+$/.test(td.dataset.count)).length);
  const marks = await cold.$$eval('#chart-area svg .line__point, #chart-area svg .column__rect, #chart-area svg .bar__rect', x => x.length);
  const coldFinding = await cold.textContent('#chart-finding');
  check('issue 25.1: a cold load at 390 px shows a loading state, then a chart and at least a few numbers',
    loadingShown && !emptyBanner && held > 0 && numbers >= 5 && marks >= 5 && await cold.isVisible('#chart-area svg')
    && !(await cold.isVisible('#loading')),
    `loading shown ${loadingShown}, empty banner ${emptyBanner}, ${numbers} numbers, ${marks} marks: ${cold.url()}`);
  check('issue 25.1: the first view never calls "Total" the largest group', !/I alt er den største|Total is the largest/.test(
    await cold.textContent('#result')), coldFinding);
  const coldWidth = await pageWidth(cold);
  const coldClipped = await clippedChartText(cold);
  check('issue 25.2: the first view does not pan sideways at 390 px and no label of its chart is cut off',
    coldWidth <= 390 && coldClipped.length === 0, `scrollWidth ${coldWidth}; cut off: ${coldClipped.join(', ')}`);
  await cold.screenshot({ path: path.join(outDir, 'explore-phone-first.png'), fullPage: true });
  check('no script error on the cold page', coldErrors.length === 0, coldErrors.join('; '));
  await phone.unroute(url => url.pathname === '/graphql');

  // 2. no page pans sideways: region × gender, a series by gender, a series as columns
  for (const [name, query] of [
    ['region × gender', '?lang=en&subject=persons&from=2012&to=2012&by=REGION,GENDER'],
    ['a series by gender', '?lang=da&subject=persons&from=2007&to=2023&by=GENDER'],
    ['a series as columns', '?lang=en&subject=persons&from=2007&to=2023'],
  ]) {
    const p = await openPage(phone, query);
    await p.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
    const width = await pageWidth(p);
    const clipped = await clippedChartText(p);
    const cells = await p.$$eval('#result-table td[data-count]', x => x.length);
    check(`issue 25.2: ${name} at 390 px does not pan sideways, and no chart label is cut off`,
      width <= 390 && clipped.length === 0 && cells > 0, `scrollWidth ${width}; ${cells} cells; cut off: ${clipped.join(', ')}`);
    if (name === 'region × gender') {
      await p.screenshot({ path: path.join(outDir, 'explore-phone-region-gender.png'), fullPage: true });
    }
    await p.close();
  }

  // 3. a URL with three dimensions: every one is shown, with what to do; the downloads are dead; removing one mends it
  const three = await openPage(phone, '?lang=en&subject=persons&from=2012&to=2012&by=REGION,GENDER,AGE_GROUP');
  const shown = await three.$$eval('#dims select', ss => ss.filter(s => !s.closest('label').hidden).map(s => s.value));
  const dead = await three.$$eval('.downloads a', as => as.every(a => a.getAttribute('aria-disabled') === 'true' && !a.hasAttribute('href')));
  const hint = await three.isVisible('#dims-hint') ? await three.textContent('#dims-hint') : '';
  check('issue 25.3: a three-dimension URL shows all three dimensions, says to remove one, and leaves no download to fail',
    shown.join() === 'REGION,GENDER,AGE_GROUP' && dead && /Remove one/.test(hint) && await three.isVisible('#error'),
    `${shown.join()}; downloads dead ${dead}; ${hint}`);
  const before = await generation(three);
  await three.selectOption('#dim-2', '');
  await three.waitForFunction(g => Number(document.getElementById('result').dataset.generation) > g
    && !document.getElementById('result').hasAttribute('aria-busy'), before);
  const mended = new URL(three.url()).searchParams.get('by');
  check('issue 25.3: removing the third dimension mends it: a table, no error, live downloads',
    mended === 'REGION,GENDER' && !(await three.isVisible('#error')) && !(await three.isVisible('#dims-hint'))
    && (await three.$$eval('#result-table td[data-count]', x => x.length)) > 0
    && (await three.$$eval('.downloads a', as => as.every(a => a.hasAttribute('href') && !a.hasAttribute('aria-disabled')))),
    three.url());
  await three.close();

  // 7. a reversed range is read as the range it names, and the reader is told
  const reversed = await openPage(phone, '?lang=en&subject=persons&from=2023&to=2008');
  const swapped = new URL(reversed.url()).searchParams;
  check('issue 25.7: a reversed range is swapped, with a word', swapped.get('from') === '2008' && swapped.get('to') === '2023'
    && /reverse order/.test(await reversed.textContent('#notices')), reversed.url());
  await reversed.close();
  await phone.close();

  await estimates(browser);
}

/**
 * Estimates (issue 22): a noisy count shows as "≈ 28" with the note under the table, in Danish and English, and its
 * margin in the chart. Checked on answers marked noisy by the test (the page's rendering, whatever the server), and,
 * with CMM_EXPECT_NOISY=1, on the server's own answers for 2012 region × gender.
 */
async function estimates(browser) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await context.route(url => url.pathname === '/graphql', async route => {
    const url = new URL(route.request().url());
    const query = url.searchParams.get('query') || '';
    const asked = /\bnoisy\b/.test(query);
    if (asked && !process.env.CMM_EXPECT_NOISY) {
      url.searchParams.set('query', query.replace(/ totalNoisy totalMargin/g, '').replace(/ noisy margin/g, ''));
    }
    const response = await route.fetch({ url: url.toString() });
    const body = await response.json();
    if (body.data?.__schema) {
      for (const type of body.data.__schema.types) {
        const add = { Group: ['noisy', 'margin'], Stats: ['totalNoisy', 'totalMargin', 'estimate'] }[type.name];
        for (const name of add || []) {
          if (!type.fields.some(f => f.name === name)) type.fields.push({ name });
        }
      }
    } else if (asked && !process.env.CMM_EXPECT_NOISY && body.data) {
      // every count of a group marked an estimate with a margin of 3, as the server will for its noisy tables
      for (const answer of Object.values(body.data)) {
        for (const g of answer?.groups || []) {
          g.noisy = g.count != null;
          g.margin = g.count != null ? 3 : null;
        }
      }
    }
    return route.fulfill({ response, json: body });
  });
  const page = await openPage(context, '?lang=da&subject=persons&from=2012&to=2012&by=REGION,GENDER');
  const read = async () => ({
    noisy: await page.$$eval('#result-table td[data-noisy="true"]', tds => tds.filter(td => td.textContent.trim().startsWith('≈')).length),
    note: await page.isVisible('#legend .legend-noisy') ? await page.textContent('#legend .legend-noisy') : '',
    bars: await page.$$eval('#chart-area .chart__margin', x => x.length),
  });
  const da = await read();
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && !document.getElementById('result').hasAttribute('aria-busy'));
  const en = await read();
  await page.screenshot({ path: path.join(outDir, 'explore-estimates.png'), fullPage: true });
  const source = process.env.CMM_EXPECT_NOISY ? 'the server\'s noisy cells' : 'answers marked noisy by the test';
  check(`issue 22: estimates show as ≈ with their note in Danish and English, and their margin in the chart (${source})`,
    da.noisy > 0 && en.noisy > 0 && /skøn/.test(da.note) && /estimate/.test(en.note) && /90 %/.test(en.note) && en.bars > 0,
    `Danish ${da.noisy} ≈ cells, note "${da.note.slice(0, 40)}…"; English ${en.noisy} ≈ cells, note "${en.note.slice(0, 40)}…"; ${en.bars} margin marks`);
  if (!process.env.CMM_EXPECT_NOISY) {
    console.log('SKIP issue 22 on the server\'s own answers: set CMM_EXPECT_NOISY=1 once the server publishes noisy cells');
  }
  await context.close();
}

const timings = [];
try {
  // 1. 2012 × nationality × gender, by mouse, timing each choice
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const home = await context.newPage();
  await home.goto(`${base}/`);
  check('the home page links the table builder and GraphiQL', (await home.$$eval('a', as => as.map(a => a.getAttribute('href'))))
    .some(h => h === '/explore') && (await home.$$eval('a[href="/graphiql"]', x => x.length)) === 1);
  await axe(home, 'home page');
  await home.close();
  const page = await openPage(context);
  check('the page opens in Danish', (await page.getAttribute('html', 'lang')) === 'da'
    && (await page.textContent('h1')).includes('Tabelbyggeren'));
  await timed(page, 'to year 2012', () => page.selectOption('#year-to', '2012'), timings);
  await timed(page, 'year 2012', () => page.selectOption('#year-from', '2012'), timings);
  await timed(page, 'nationality', () => page.selectOption('#dim-0', 'NATIONALITY'), timings);
  await timed(page, 'gender', () => page.selectOption('#dim-1', 'GENDER'), timings);
  await timed(page, 'shares', () => page.check('#view-shares'), timings);
  await timed(page, 'counts', () => page.check('#view-counts'), timings);
  const caption = await page.textContent('#result-table caption');
  check('1. the table is 2012 by nationality and gender', caption.includes('2012') && caption.includes('Nationalitet')
    && caption.includes('Køn'), caption);

  // 2. every number equals the API's (anonymous: the protected numbers)
  const anonymousTable = await readTable(page);
  const expectedAnonymous = await expectedCrossTab(2012, 'NATIONALITY', 'GENDER', null);
  compareWithApi('2. every cell, row total, column total and the total equal the API (anonymous)', anonymousTable,
    expectedAnonymous);
  const finding = await page.textContent('#chart-svg-desc');
  check('the chart has a text alternative stating the finding', /Nigeria/.test(finding) && /\d/.test(finding), finding);
  check('the table is a real <table> with header cells', await page.$$eval('#result-table th[scope="col"]', x => x.length) >= 3);

  // 3. the CSV download equals the CSV endpoint; the Excel one has the Danish dialect and the same numbers
  const plain = await downloadText(page, '#dl-csv');
  const endpoint = await (await fetch(`${base}/api/stats/persons.csv?groupBy=NATIONALITY,GENDER&assessmentYears=2012&lang=da`)).text();
  check('3. the CSV download is the CSV endpoint\'s file', plain.bytes.toString('utf8') === endpoint,
    `${plain.name}, ${plain.bytes.length} bytes`);
  const excel = await downloadText(page, '#dl-excel');
  const excelText = excel.bytes.toString('utf8');
  const excelRows = excelText.replace(/^\uFEFF/, '').trim().split('\r\n').map(l => l.split(';'));
  const endpointRows = endpoint.trim().split(/\r?\n/).map(l => l.split(','));
  const countAt = endpointRows[0].indexOf('count');
  check('3. the Excel CSV has a BOM, semicolons, labels and the endpoint\'s counts',
    excel.bytes[0] === 0xef && excel.bytes[1] === 0xbb && excel.bytes[2] === 0xbf
    && /^Nationalitet;Køn;Antal;Andel;(Usikkerhed \(±, 90 %\);)?Bemærkning$/.test(excelRows[0].join(';'))
    && excelRows.length === endpointRows.length
    && excelRows.slice(1).every((r, i) => r[2] === endpointRows[i + 1][countAt] && r[0] === endpointRows[i + 1][1]),
    excelRows.slice(0, 2).map(r => r.join(';')).join(' / '));

  // JSON-stat: the link is the endpoint's address, and the downloaded file, read with a JSON-stat reader, holds the
  // table's numbers: every cell, withheld cells as null with status c, a combination the table shows as 0 as 0
  check('the JSON-stat link is the JSON-stat endpoint\'s address, with the CSV link\'s parameters',
    (await page.getAttribute('#dl-jsonstat', 'href')) === '/api/stats/persons.json?groupBy=NATIONALITY%2CGENDER&assessmentYears=2012&lang=da');
  const jsonstatFile = await downloadText(page, '#dl-jsonstat');
  const cube = JSONstat(JSON.parse(jsonstatFile.bytes.toString('utf8')));
  const jsonstatProblems = [];
  let jsonstatCompared = 0;
  const nationalities = cube.Dimension('NATIONALITY').id;
  const genders = cube.Dimension('GENDER').id;
  for (const [r, row] of Object.entries(anonymousTable)) {
    for (const [c, shown] of Object.entries(row)) {
      if (r === 'TOTAL' || c === 'TOTAL') continue;
      jsonstatCompared++;
      if (!nationalities.includes(r) || !genders.includes(c)) {
        if (shown !== '0') jsonstatProblems.push(`${r}/${c}: page ${shown}, not in the cube`);
        continue;
      }
      const cell = cube.Data({ NATIONALITY: r, GENDER: c, measure: 'count' });
      const value = cell.value === null ? (cell.status === 'c' ? 'withheld' : `null ${cell.status}`) : String(cell.value);
      if (value !== shown) jsonstatProblems.push(`${r}/${c}: page ${shown}, JSON-stat ${value}`);
    }
  }
  const tableRows = Object.keys(anonymousTable).filter(k => k !== 'TOTAL');
  const missingRows = nationalities.filter(n => !tableRows.includes(n));
  check('the JSON-stat download, read with jsonstat-toolkit, holds the table\'s numbers (withheld as null, status c)',
    cube.class === 'dataset' && jsonstatProblems.length === 0 && jsonstatCompared > 0 && missingRows.length === 0
    && cube.Dimension('GENDER').Category('FEMALE').label === 'Kvinder',
    jsonstatProblems.length ? jsonstatProblems.slice(0, 5).join('; ') + (missingRows.length ? ` rows not in the table: ${missingRows}` : '')
      : `${jsonstatFile.name}: ${jsonstatCompared} cells equal the table's`);
  check('the plain CSV link is the CSV endpoint\'s address', (await page.getAttribute('#dl-csv', 'href'))
    === '/api/stats/persons.csv?groupBy=NATIONALITY%2CGENDER&assessmentYears=2012&lang=da');

  // 4. the shared URL rebuilds the same table in a fresh page
  const shared = await page.inputValue('#share-url');
  const fresh = await newContext(browser);
  const freshPage = await openPage(fresh, new URL(shared).search);
  check('4. the shared URL rebuilds the same table in a fresh page',
    same(await readTable(freshPage), anonymousTable), shared);
  await fresh.close();

  // the back button steps back through the choices
  await page.goBack();
  await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
  await page.waitForFunction(() => document.getElementById('view-shares').checked);
  check('the back button steps back to the previous choice (shares)', await page.isChecked('#view-shares'));
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('view-counts').checked);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('dim-1').value === '');
  check('the back button steps back to nationality alone', (await page.inputValue('#dim-1')) === ''
    && (await page.inputValue('#dim-0')) === 'NATIONALITY');
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('dim-1').value === 'GENDER');
  await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));

  // sorting by clicking a column header
  await timed(page, 'sort by women', () => page.click('#result-table thead button[data-sort="c:FEMALE"]'), timings);
  const order = await page.$$eval('#result-table tbody td[data-col="FEMALE"]', tds => tds.map(td => td.dataset.count));
  const numbers = order.filter(v => /^\d+$/.test(v)).map(Number);
  check('clicking a column header sorts the rows by it', numbers.every((v, i) => i === 0 || numbers[i - 1] >= v)
    && (await page.getAttribute('#result-table thead th:has(button[data-sort="c:FEMALE"])', 'aria-sort')) === 'descending',
  order.join(','));

  // 6. Danish page, then English with the table kept
  check('6. the Danish page labels the table in Danish', (await page.textContent('#result-table thead')).includes('Kvinder')
    && (await page.textContent('#mode')).includes('Offentlige tal'));
  await timed(page, 'English', () => page.click('#lang-switch'), timings);
  const english = await readTable(page);
  check('6. the language switch keeps the table and labels it in English',
    (await page.getAttribute('html', 'lang')) === 'en' && (await page.textContent('#result-table thead')).includes('Women')
    && same(english, anonymousTable));
  await axe(page, 'English, anonymous');
  await timed(page, 'Dansk', () => page.click('#lang-switch'), timings);

  // 7. anonymous: withheld marks with a legend; an analyst's token: exact numbers
  // (nationality × gender is a noisy table: its small cells are estimates, ≈ with their legend, not withheld)
  const withheld = await page.$$eval('#result-table .is-withheld', x => x.length);
  const estimates = await page.$$eval('#result-table .is-noisy', x => x.length);
  check('7. the anonymous table marks withheld cells or estimates, with a legend saying why',
    (withheld > 0 && (await page.isVisible('#legend .legend-withheld')))
    || (estimates > 0 && (await page.isVisible('#legend .legend-noisy'))), `${withheld} withheld cells, ${estimates} estimates`);
  await page.screenshot({ path: path.join(outDir, 'explore-desktop-anonymous.png'), fullPage: true });
  await axe(page, 'Danish, anonymous');

  // errors in words: a refusal, a bad token, the rate limit
  await timed(page, 'add a filter', () => page.click('#add-filter'), timings);
  const firstFilter = await page.inputValue('#filter-dim-0');
  await timed(page, 'filter by exploitation', () => page.selectOption('#filter-dim-0', 'EXPLOITATION'), timings);
  await timed(page, 'filter value', () => page.selectOption('#filter-values-0', ['PROSTITUTION']), timings);
  const refusal = await page.textContent('#error');
  check('a question refused without a token is explained in words, with what to change',
    await page.isVisible('#error') && (await page.getAttribute('#error', 'data-classification')) === 'FORBIDDEN'
    && refusal.includes('API-nøgle') && refusal.includes('dimensions'), `${firstFilter} → ${refusal.slice(0, 160)}`);
  await timed(page, 'remove the filter', () => page.click('#filter-remove-0'), timings);

  await page.route(url => url.pathname === '/graphql', route => route.fulfill({ status: 429, headers: { 'Retry-After': '17', 'Content-Type': 'application/json' },
    body: '{"errors":[{"message":"Too many requests"}]}' }), { times: 1 });
  await timed(page, 'rate limited (a mocked 429)', () => page.selectOption('#dim-1', 'EXPLOITATION'), timings);
  check('HTTP 429 is explained with the Retry-After wait', await page.isVisible('#error')
    && (await page.textContent('#error')).includes('Vent 17 sekunder'), await page.textContent('#error'));
  await timed(page, 'gender again', () => page.selectOption('#dim-1', 'GENDER'), timings);
  check('the error goes once a question is answered', !(await page.isVisible('#error')));

  await page.fill('#token', 'cmm_not-a-real-token');
  await timed(page, 'bad token', () => page.click('#token-use'), timings);
  check('a bad token is explained in words', (await page.getAttribute('#error', 'data-classification')) === 'UNAUTHORIZED'
    && (await page.textContent('#error')).includes('Glem nøgle'), (await page.textContent('#error')).slice(0, 120));
  await timed(page, 'forget the bad token', () => page.click('#token-forget'), timings);

  await page.fill('#token', analystToken);
  await timed(page, 'analyst token', () => page.click('#token-use'), timings);
  const exact = await readTable(page);
  compareWithApi('7. with an analyst token every number is the exact API answer', exact,
    await expectedCrossTab(2012, 'NATIONALITY', 'GENDER', analystToken));
  check('7. with the token no cell is withheld and the page says it shows exact numbers',
    (await page.$$eval('#result-table .is-withheld', x => x.length)) === 0
    && (await page.getAttribute('#mode', 'data-mode')) === 'token');
  check('the token is kept in sessionStorage only', await page.evaluate(t => sessionStorage.getItem('cmm-explore-token') === t
    && !Object.values(localStorage).includes(t) && !document.cookie.includes(t) && !location.href.includes(t), analystToken));
  const tokenCsv = await downloadText(page, '#dl-csv');
  const exactEndpoint = await (await fetch(`${base}/api/stats/persons.csv?groupBy=NATIONALITY,GENDER&assessmentYears=2012&lang=da`,
    { headers: { Authorization: `Bearer ${analystToken}` } })).text();
  check('3. with the token the CSV download is the exact CSV endpoint\'s file', tokenCsv.bytes.toString('utf8') === exactEndpoint);
  await page.click('#query summary');
  const curl = await page.textContent('#query-curl');
  check('"Show the query" gives the GraphQL query and a curl command', curl.startsWith('curl')
    && (await page.textContent('#query-graphql')).includes('personStats(filter: $filter, groupBy: $groupBy)'));
  await page.screenshot({ path: path.join(outDir, 'explore-desktop.png'), fullPage: true });
  await axe(page, 'Danish, analyst');

  // a year series: years without data are shown as such, never as 0; columns in the chart
  await timed(page, 'series 2007-2023', async () => {
    await page.selectOption('#dim-0', '');
    await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
    await page.selectOption('#year-from', '2007');
    await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
    await page.selectOption('#year-to', '2023');
  }, timings);
  // the page was opened on the landing series, drawn as a line; this series is checked as columns first
  if (!(await page.isChecked('#chart-columns'))) {
    await timed(page, 'columns for the series', () => page.check('#chart-columns'), timings);
  }
  const years = await readTable(page);
  const yearly = await api('{ personStats(groupBy: [ASSESSMENT_YEAR]) { groups { key { code } count } } }', {}, null);
  const apiYears = Object.fromEntries(yearly.personStats.groups.map(g => [g.key[0].code, String(g.count)]));
  const seriesOk = Object.entries(years).filter(([k]) => k !== 'TOTAL')
    .every(([y, row]) => row.count === (apiYears[y] ?? 'nodata'));
  check('a yearly series shows each year\'s API total and "no data" (never 0) for years without records',
    seriesOk && years['2013']?.count === 'nodata' && (await page.$$eval('.chart--columns .column__na-mark', x => x.length)) >= 4,
    Object.entries(years).map(([y, r]) => `${y}=${r.count}`).join(' '));
  await page.screenshot({ path: path.join(outDir, 'explore-series.png'), fullPage: true });

  // the same series as a line: a gap at every year without a number, never a point at 0
  await timed(page, 'line chart', () => page.check('#chart-line'), timings);
  const withNumber = Object.entries(years).filter(([k, r]) => k !== 'TOTAL' && /^\d+$/.test(r.count)).map(([k]) => k).sort();
  const points = await page.$$eval('.chart--line .line__point', cs => cs.map(c => c.dataset.year));
  const segments = await page.$$eval('.chart--line .line__segment', x => x.length);
  const orderedYears = Object.keys(years).filter(k => k !== 'TOTAL').sort();
  const pairs = orderedYears.filter((y, i) => i + 1 < orderedYears.length && withNumber.includes(y)
    && withNumber.includes(orderedYears[i + 1])).length;
  const lineDesc = await page.textContent('#chart-svg-desc');
  const naMarks = await page.$$eval('.chart--line .line__na-mark', x => x.length);
  check('a yearly series as a line: a point per year with a number, a gap (dashed mark, "no data") at the others',
    points.slice().sort().join() === withNumber.join() && !points.includes('2013') && segments === pairs
    && naMarks === orderedYears.length - withNumber.length
    && new URL(page.url()).searchParams.get('chart') === 'line' && /2013/.test(lineDesc),
    `${points.length} points for ${withNumber.length} years with a number, ${segments} segments for ${pairs} pairs, `
    + `${naMarks} no-data marks; ${page.url()}; ${lineDesc}`);
  await page.screenshot({ path: path.join(outDir, 'explore-line.png'), fullPage: true });
  await axe(page, 'a series as a line');
  await timed(page, 'columns chart', () => page.check('#chart-columns'), timings);
  check('the chart switch goes back to columns', (await page.$$eval('.chart--columns', x => x.length)) === 1);
  // the series by a dimension (staff): a year without records is "no data" in every cell and its total, never 0
  await timed(page, 'series by gender', () => page.selectOption('#dim-0', 'GENDER'), timings);
  const byGender = await readTable(page);
  const noDataYears = ['2009', '2010', '2013', '2014'];
  check('a series by gender: a year without records is "no data" in every cell, never 0',
    noDataYears.every(y => byGender[y] && Object.values(byGender[y]).length > 0
      && Object.values(byGender[y]).every(v => v === 'nodata'))
    && Object.values(byGender['2012'] || {}).some(v => /^[1-9]\d*$/.test(v)),
    noDataYears.map(y => `${y}: ${JSON.stringify(byGender[y])}`).join(' '));

  // outreach metrics
  await timed(page, 'outreach', () => page.check('#subject-outreach'), timings);
  await timed(page, 'outreach 2012', async () => {
    await page.selectOption('#year-to', '2012');
    await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
    await page.selectOption('#year-from', '2012');
    await page.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
    await page.selectOption('#dim-0', 'PROGRAMME');
  }, timings);
  const meeting = await page.$$eval('#result-table tr[data-key="MEETING_PLACE_VESTERBRO"] td', tds =>
    Object.fromEntries(tds.map(td => [td.dataset.metric, td.dataset.value])));
  const outreach = await api(`{ outreachStats(filter: {years: [2012]}, groupBy: [PROGRAMME]) { key { code } contacts
    uniquePersons newPersons healthServiceUses abortionReferrals } }`, {}, analystToken);
  const apiMeeting = outreach.outreachStats.find(r => r.key[0].code === 'MEETING_PLACE_VESTERBRO');
  check('outreach shows its metrics as the API gives them', ['contacts', 'uniquePersons', 'newPersons', 'healthServiceUses',
    'abortionReferrals'].every(m => meeting[m] === String(apiMeeting[m])), JSON.stringify(meeting));
  await page.screenshot({ path: path.join(outDir, 'explore-outreach.png'), fullPage: true });

  // the time to a table in a page that has asked nothing yet (a fresh context: no answers in the page, no HTTP
  // cache): three questions new to the server, then the same three again in another fresh page, which the server has
  // now seen; printed, not asserted, since the server's time depends on the machine
  const serverTimings = { new: [], seen: [] };
  for (const round of ['new', 'seen']) {
    const timingContext = await newContext(browser);
    const timingPage = await openPage(timingContext, '?lang=da&subject=persons&from=2012&to=2012&by=NATIONALITY');
    for (const dim of ['AGE_GROUP', 'ASSESSED_BY', 'CONTACT_CHANNEL']) {
      await timed(timingPage, `${round === 'new' ? 'new to the server' : 'seen by the server'}: 2012 nationality x ${dim.toLowerCase()}`,
        () => timingPage.selectOption('#dim-1', dim), serverTimings[round]);
    }
    await timingContext.close();
  }
  const describe = list => list.map(x => `${x.pageMs} ms (${x.pageMs - x.ownMs} ms API)`).join(', ');
  console.log(`TIMING against the 300 ms target, in a fresh page: questions new to the server ${describe(serverTimings.new)}; `
    + `the same questions once the server has seen them ${describe(serverTimings.seen)}`);
  check('the time to a table was measured for questions new to the server and seen by it',
    [...serverTimings.new, ...serverTimings.seen].every(x => x.pageMs > 0));

  // phone width
  await page.goto(`${base}/explore${new URL(shared).search}`);
  await page.waitForSelector('#result:not([data-generation="0"])');
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check('the page fits a phone (390 px): nothing wider than the screen', width <= 390, `scrollWidth ${width}`);
  await page.screenshot({ path: path.join(outDir, 'explore-phone.png'), fullPage: true });
  check('no script error and no Content-Security-Policy violation on the page', page.errors.length === 0, page.errors.join('; '));
  await context.close();

  // a revoked or wrong token left in the tab: the page says so and lets the reader forget it
  const stale = await newContext(browser);
  await stale.addInitScript(() => {
    if (!sessionStorage.getItem('seen')) {
      sessionStorage.setItem('seen', '1');
      sessionStorage.setItem('cmm-explore-token', 'cmm_revoked-long-ago');
    }
  });
  const stalePage = await stale.newPage();
  await stalePage.goto(`${base}/explore`);
  await stalePage.waitForSelector('#error:not([hidden])');
  const staleError = await stalePage.getAttribute('#error', 'data-classification');
  await stalePage.click('#token-forget');
  await stalePage.waitForSelector('#result:not([data-generation="0"])');
  check('a stale token in the tab is explained, and forgetting it gives the public numbers',
    staleError === 'UNAUTHORIZED' && (await stalePage.getAttribute('#mode', 'data-mode')) === 'anonymous'
    && (await stalePage.$$eval('#result-table tbody tr', x => x.length)) > 0);
  await stalePage.goto(`${base}/explore?lang=en&subject=outreach&from=2011&to=2012&by=PROGRAMME`);
  await stalePage.waitForSelector('#result:not([data-generation="0"])');
  const seriesRows = await stalePage.$$eval('#result-table tbody tr', trs => trs.map(tr => [tr.dataset.key,
    tr.querySelector('td[data-metric="contacts"]').dataset.value]));
  check('an anonymous outreach series is asked one year at a time: 2011 shows "no data", 2012 its programmes',
    seriesRows.some(([k, v]) => k === '2011' && v === 'nodata')
    && seriesRows.some(([k, v]) => k === '2012|MEETING_PLACE_VESTERBRO' && v === '2907'), JSON.stringify(seriesRows));
  await stale.close();

  await firstContact(browser);

  // 5. the same path by keyboard only, in a fresh page
  const kbContext = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const kb = await openPage(kbContext, '?lang=da&subject=persons&from=2023&to=2023');
  let ok = await tabTo(kb, 'year-from');
  await kb.keyboard.type('2012');
  await kb.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
  ok = ok && (await pressUntil(kb, '#year-from', 'ArrowUp', '2012', 30));
  ok = ok && (await tabTo(kb, 'dim-0')) && (await pressUntil(kb, '#dim-0', 'ArrowDown', 'NATIONALITY', 20));
  ok = ok && (await tabTo(kb, 'dim-1', 5)) && (await pressUntil(kb, '#dim-1', 'ArrowDown', 'GENDER', 20));
  await kb.waitForFunction(() => !document.getElementById('result').hasAttribute('aria-busy'));
  check('5. by keyboard only: 2012 × nationality × gender gives the same table', ok
    && same(await readTable(kb), anonymousTable));
  let sortFocused = false;
  for (let i = 0; i < 80 && !sortFocused; i++) {
    await kb.keyboard.press('Tab');
    sortFocused = await kb.evaluate(() => document.activeElement?.dataset?.sort === 'total');
  }
  if (sortFocused) {
    await kb.keyboard.press('Enter');
    await kb.waitForFunction(() => document.querySelector('#result-table th[aria-sort]'));
  }
  check('5. by keyboard only: a column header sorts with Enter', sortFocused
    && (await kb.getAttribute('#result-table thead th:has(button[data-sort="total"])', 'aria-sort')) === 'descending');
  check('no script error on the keyboard page', kb.errors.length === 0, kb.errors.join('; '));
  await kbContext.close();
} catch (e) {
  check('the test ran to its end', false, e.stack || String(e));
} finally {
  await browser.close();
}

// 8. nothing left the server
check('8. no request went anywhere but the server', blocked.length === 0 && requested.length > 0,
  blocked.length ? blocked.slice(0, 5).join(', ') : `${requested.length} requests, all to ${serverHost}`);

// The target: a table within 300 ms of a choice. The API's time depends on the machine (the test prints it
// apart); the page's own work is asserted on every choice, the whole on the median choice.
const choices = timings.filter(x => !x.label.includes('mocked'));
const sorted = choices.map(x => x.pageMs).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const slowest = choices.reduce((a, b) => (b.pageMs > a.pageMs ? b : a), { pageMs: 0, label: '-' });
const ownSlowest = choices.reduce((a, b) => (b.ownMs > a.ownMs ? b : a), { ownMs: 0, label: '-' });
console.log(`TIMING over ${choices.length} choices: median ${median} ms, slowest ${slowest.pageMs} ms (${slowest.label}); `
  + `the page's own work (without waiting for the API) at most ${ownSlowest.ownMs} ms (${ownSlowest.label})`);
const asking = choices.filter(x => x.pageMs - x.ownMs > 5).map(x => x.pageMs).sort((a, b) => a - b);
console.log(`TIMING choices that asked the API a new question: ${asking.length}, median ${asking[Math.floor(asking.length / 2)]} ms; `
  + 'the others were answered from the page\'s memory of answers (view, sort, language)');
check('a table appears within 300 ms of a choice (median over the choices)', median <= 300, `${median} ms`);
check('the page\'s own work takes under 300 ms on every choice', ownSlowest.ownMs < 300, `${ownSlowest.ownMs} ms`);
console.log(`SUMMARY passed=${passed} failed=${failed}`);
process.exit(failed ? 1 : 0);
