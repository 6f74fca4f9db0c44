// Opens GraphiQL in headless Chromium with the network closed: every request to a host other than the
// server under test (loopback) is aborted and recorded. Runs the example GraphiQL opens with, measures the panes at
// 390 px, runs `{ years }` through the UI and prints one JSON line: {"answer": <the result pane's JSON>, "blocked":
// [urls], "errors": [console errors and page errors], "firstQuery", "example" (its answer), "phone" (the panes)}.
// Usage: node graphiql-offline.mjs http://localhost:PORT [/usr/bin/chromium]
import { chromium } from 'playwright-core';

const base = process.argv[2];
const executablePath = process.argv[3] ?? '/usr/bin/chromium';
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);
const blocked = [];
const errors = [];

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (loopback.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') {
      return route.continue();
    }
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));

  await page.goto(new URL('/graphiql', base).href, { waitUntil: 'load' });
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30000 });
  // the first screen: the example GraphiQL opens with, run as a newcomer would
  const firstQuery = await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue());
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const result = document.querySelector('.result-window .CodeMirror');
    return result && /"(data|errors)"/.test(result.CodeMirror.getValue());
    // the first anonymous question about 2012 may build its release (the tests run without the start-up warm-up)
  }, null, { timeout: 150000 });
  const example = JSON.parse(await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()));
  // on a phone the result pane stacks under the query rather than sharing the width
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const phone = await page.evaluate(() => {
    const box = s => document.querySelector(s)?.getBoundingClientRect();
    const editors = box('.graphiql-editors');
    const response = box('.graphiql-response');
    return { responseWidth: Math.round(response?.width ?? 0), stacked: !!(editors && response && response.top >= editors.bottom - 1),
      scrollWidth: document.documentElement.scrollWidth };
  });
  await page.screenshot({ path: process.env.GRAPHIQL_SHOT || '/dev/null', fullPage: false }).catch(() => {});
  await page.setViewportSize({ width: 1280, height: 800 });
  // type the query into the editor as a user would, replacing the default
  await page.click('.graphiql-query-editor .CodeMirror');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('{ years');
  await page.evaluate(() => {
    // CodeMirror closes brackets as one types; make sure the document is exactly the query
    const editor = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
    if (editor.getValue().trim() !== '{ years }') editor.setValue('{ years }');
  });
  await page.click('.graphiql-execute-button');
  await page.waitForFunction(() => {
    const result = document.querySelector('.result-window .CodeMirror');
    return result && result.CodeMirror.getValue().includes('"data"');
  }, null, { timeout: 30000 });
  const text = await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue());
  const headersEditor = await page.locator('.graphiql-editor-tool [aria-label="Headers"], .graphiql-editor-tools button:has-text("Headers")').count();
  console.log(JSON.stringify({ answer: JSON.parse(text), blocked, errors, headersEditor: headersEditor > 0, firstQuery,
    example, phone }));
} finally {
  await browser.close();
}
