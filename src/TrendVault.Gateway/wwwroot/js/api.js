// The gateway's REST API. Failures become ApiError carrying the problem-details message.

const TOKEN_KEY = 'trendvault.adminToken';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// Kept for this tab only: sessionStorage, never localStorage or a cookie.
export const adminToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY)),
};

async function request(method, path, headers = {}) {
  const response = await fetch(path, { method, headers: { Accept: 'application/json', ...headers } });
  if (response.ok) return response.json();
  throw new ApiError(response.status, await problemMessage(response));
}

async function problemMessage(response) {
  try {
    const problem = await response.json();
    const fieldErrors = Object.values(problem.errors ?? {}).flat();
    return [problem.detail ?? problem.title, ...fieldErrors].filter(Boolean).join(' ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status} ${response.statusText}`;
  }
}

export function get(path, query = {}) {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value != null && value !== ''));
  return request('GET', params.size ? `${path}?${params}` : path);
}

/** An admin POST; without a token the gateway answers 401 and the caller shows its message. */
export function postAdmin(path) {
  const token = adminToken.get();
  return request('POST', path, token ? { Authorization: `Bearer ${token}` } : {});
}

let regions;

/** The region list, fetched once per page load (names and flags for other pages). */
export function regionsByCode() {
  regions ??= get('/api/regions')
    .then((list) => new Map(list.map((region) => [region.code, region])))
    .catch((error) => { regions = undefined; throw error; });
  return regions;
}
