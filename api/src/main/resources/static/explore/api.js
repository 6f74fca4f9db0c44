// The page's only way to the data: the public GraphQL API of this server (GET /graphql), with the token of this tab
// when staff have pasted one. Every failure becomes an ApiError that names what happened in the API's own words.

const TOKEN_KEY = 'cmm-explore-token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** A failed request: kind is 'graphql' (with classification), 'rate' (with retryAfter), 'http' or 'network'. */
export class ApiError extends Error {
  constructor(kind, message, details = {}) {
    super(message);
    this.kind = kind;
    Object.assign(this, details);
  }
}

/** Longer questions (an outreach series of many years) are POSTed: well below the servers' 8 KB request line. */
const MAX_GET_URL = 6000;

function headers(post) {
  const h = { Accept: 'application/graphql-response+json, application/json' };
  if (post) {
    h['Content-Type'] = 'application/json';
  }
  if (token()) {
    h.Authorization = `Bearer ${token()}`;
  }
  return h;
}

/**
 * Sends one GraphQL request. Resolves to { data, errors } (errors may name single fields); rejects with an ApiError
 * when nothing could be answered.
 */
export async function graphql(query, variables = {}) {
  let response;
  try {
    // GET, as the GraphQL-over-HTTP spec allows for queries: the server answers a question it has seen from its
    // answer cache (POST answers are computed again), and the browser may keep an anonymous answer for a minute
    const url = `/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    response = url.length <= MAX_GET_URL ? await fetch(url, { headers: headers(false) })
      : await fetch('/graphql', { method: 'POST', headers: headers(true), body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError('network', String(e.message || e));
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw new ApiError('rate', await reasonOf(response), { retryAfter });
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError('http', `HTTP ${response.status}`, { status: response.status });
  }
  const errors = body.errors || [];
  if (!body.data) {
    const first = errors[0] || {};
    throw new ApiError('graphql', first.message || `HTTP ${response.status}`, {
      classification: first.extensions?.classification || 'ERROR',
      field: first.extensions?.field || first.extensions?.argument || null,
      errors,
    });
  }
  return { data: body.data, errors };
}

/** The reason an endpoint gives: plain text (CSV), or the label of a JSON-stat error body. */
async function reasonOf(response) {
  const text = await response.text();
  if ((response.headers.get('Content-Type') || '').startsWith('application/json')) {
    try {
      return JSON.parse(text).error?.[0]?.label || text;
    } catch (e) {
      return text;
    }
  }
  return text;
}

/** Fetches a file of the API (CSV, JSON-stat) with the tab's token; rejects with an ApiError on anything but 200. */
export async function download(url) {
  let response;
  try {
    response = await fetch(url, { headers: token() ? { Authorization: `Bearer ${token()}` } : {} });
  } catch (e) {
    throw new ApiError('network', String(e.message || e));
  }
  if (response.status === 429) {
    throw new ApiError('rate', await reasonOf(response), { retryAfter: Number(response.headers.get('Retry-After')) || null });
  }
  if (response.status === 401) {
    throw new ApiError('graphql', await reasonOf(response), { classification: 'UNAUTHORIZED' });
  }
  if (response.status === 403) {
    throw new ApiError('graphql', await reasonOf(response), { classification: 'FORBIDDEN' });
  }
  if (response.status === 400) {
    throw new ApiError('graphql', await reasonOf(response), { classification: 'BAD_REQUEST' });
  }
  if (!response.ok) {
    throw new ApiError('http', `HTTP ${response.status}`, { status: response.status });
  }
  return response.text();
}
