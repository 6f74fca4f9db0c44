// node tools/cached-load.mjs METHOD SECONDS PORT TOKEN [clients]: closed-loop load of the bench's question (2010-2019 by
// REGION x EXPLOITATION) from keep-alive clients, for "Where a cached request's time goes" in docs/speed.md; prints the
// requests and the rate. Read the server's CPU from /proc/PID/stat (fields 14 and 15) before and after.
import http from 'node:http';
const [method = 'POST', secs = '10', port = '18181', token = '', clientsArg = '16'] = process.argv.slice(2);
const years = Array.from({ length: 10 }, (_, i) => 2010 + i).join(', ');
const query = `{ personStats(filter: {assessmentYears: [${years}]}, groupBy: [REGION, EXPLOITATION]) {
    total groups { key { dimension code } count share } age { count min max mean median } } }`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const body = JSON.stringify({ query });
const headers = { Accept: 'application/graphql-response+json, application/json' };
if (token) headers.Authorization = 'Bearer ' + token;
const path = method === 'GET' ? '/graphql?query=' + encodeURIComponent(query) : '/graphql';
if (method === 'POST') { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = Buffer.byteLength(body); }
const once = () => new Promise((resolve, reject) => {
  const req = http.request({ host: '127.0.0.1', port: Number(port), path, method, headers, agent }, (res) => {
    let len = 0; res.on('data', (c) => { len += c.length; }); res.on('end', () => resolve([res.statusCode, len]));
  });
  req.on('error', reject); if (method === 'POST') req.write(body); req.end();
});
const seconds = Number(secs); let n = 0, bad = 0, bytes = 0; const start = Date.now(); const end = start + seconds * 1000;
await Promise.all(Array.from({ length: Number(clientsArg) }, async () => {
  while (Date.now() < end) { const [s, l] = await once(); if (s === 200) { n++; bytes = l; } else { bad++; } }
}));
const took = (Date.now() - start) / 1000;
console.log(JSON.stringify({ method, requests: n, bad, bytes, perSecond: Math.round(n / took) }));
process.exit(0);
