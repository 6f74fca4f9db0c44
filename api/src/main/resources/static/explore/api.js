// The page's only way to the data: the public GraphQL API of this server (POST /graphql), with the token of this tab
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

function headers() {
  const h = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
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
    response = await fetch('/graphql', { method: 'POST', headers: headers(), body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError('network', String(e.message || e));
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw new ApiError('rate', await response.text(), { retryAfter });
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

/** Fetches a file of the API (CSV) with the tab's token; rejects with an ApiError on anything but 200. */
export async function download(url) {
  let response;
  try {
    response = await fetch(url, { headers: token() ? { Authorization: `Bearer ${token()}` } : {} });
  } catch (e) {
    throw new ApiError('network', String(e.message || e));
  }
  if (response.status === 429) {
    throw new ApiError('rate', await response.text(), { retryAfter: Number(response.headers.get('Retry-After')) || null });
  }
  if (response.status === 401) {
    throw new ApiError('graphql', await response.text(), { classification: 'UNAUTHORIZED' });
  }
  if (response.status === 403) {
    throw new ApiError('graphql', await response.text(), { classification: 'FORBIDDEN' });
  }
  if (response.status === 400) {
    throw new ApiError('graphql', await response.text(), { classification: 'BAD_REQUEST' });
  }
  if (!response.ok) {
    throw new ApiError('http', `HTTP ${response.status}`, { status: response.status });
  }
  return response.text();
}

/** Whether a GET endpoint exists on this server (anything but 404). */
export async function exists(url) {
  try {
    const response = await fetch(url, { method: 'GET', headers: token() ? { Authorization: `Bearer ${token()}` } : {} });
    return response.status !== 404;
  } catch (e) {
    return false;
  }
}
