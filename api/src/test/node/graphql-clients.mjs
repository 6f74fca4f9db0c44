// Real GraphQL clients against the running API, as front-end teams use them out of the box:
// urql's default client (which sends queries with GET), graphql-request (POST), and a plain fetch GET with
// revalidation (If-None-Match -> 304). Prints one JSON line with what each got and how it asked.
// Usage: node graphql-clients.mjs http://localhost:PORT
import { Client, fetchExchange, gql } from '@urql/core';
import { GraphQLClient } from 'graphql-request';

const endpoint = new URL('/graphql', process.argv[2]).href;
const BREAKDOWN = `query Breakdown($year: Int!) {
  personStats(filter: {assessmentYears: [$year]}, groupBy: [GENDER]) { total groups { key { code } count } }
}`;
const variables = { year: 2012 };

// urql with its defaults; the fetch is wrapped only to record the method each request used
const methods = [];
const urql = new Client({
  url: endpoint,
  exchanges: [fetchExchange],
  fetch: (url, init) => { methods.push(init?.method ?? 'GET'); return fetch(url, init); },
});
const urqlYears = await urql.query(gql`{ years }`, {}).toPromise();
const urqlBreakdown = await urql.query(gql(BREAKDOWN), variables).toPromise();

const graphqlRequest = new GraphQLClient(endpoint);
const requestYears = await graphqlRequest.request('{ years }');
const requestBreakdown = await graphqlRequest.request(BREAKDOWN, variables);

const url = `${endpoint}?query=${encodeURIComponent(BREAKDOWN)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
const plain = await fetch(url, { headers: { Accept: 'application/graphql-response+json' } });
const plainBody = await plain.json();
const etag = plain.headers.get('etag');
const again = await fetch(url, { headers: { Accept: 'application/graphql-response+json', 'If-None-Match': etag } });

console.log(JSON.stringify({
  urql: { methods, years: urqlYears.data ?? null, breakdown: urqlBreakdown.data ?? null,
    errors: [urqlYears.error, urqlBreakdown.error].filter(Boolean).map(String) },
  graphqlRequest: { years: requestYears, breakdown: requestBreakdown },
  plainGet: { status: plain.status, contentType: plain.headers.get('content-type'),
    cacheControl: plain.headers.get('cache-control'), etag, breakdown: plainBody.data ?? null,
    revalidatedStatus: again.status },
}));
