/**
 * The clients of the API: openapi-fetch typed by schema.d.ts (generated from the API's own
 * OpenAPI document: `npm run web:client`), same origin, with the session's bearer token.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import createQueryHooks from 'openapi-react-query';
import { auth } from '../auth';
import { ApiProblem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

const session: Middleware = {
  onRequest({ request }) {
    const current = auth.current();
    if (current) request.headers.set('Authorization', `Bearer ${current.accessToken}`);
    return request;
  },
  onResponse({ response }) {
    // The token expired or was refused: sign in again and come back here.
    if (response.status === 401 && auth.current()) {
      auth.signIn(`${window.location.pathname}${window.location.search}`);
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(session);

/**
 * The reads, as TanStack Query hooks (openapi-react-query: one query key per method, path and
 * parameters), through a client of their own that throws a refusal as its ApiProblem, as `must` does.
 */
const reads = createClient<paths>({ baseUrl: window.location.origin });
reads.use(session, {
  async onResponse({ response }) {
    if (response.ok) return response;
    throw new ApiProblem(response.status, await problemOf(response));
  },
});
export const $api = createQueryHooks(reads);

/** The data of a 2xx answer, or throws its problem (for TanStack Query). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const problem = (error ?? { title: response.statusText, status: response.status }) as ApiProblem['problem'];
  throw new ApiProblem(response.status, problem);
}

/** The problem a refusal's body tells (RFC 9457), or its status line where the body is none. */
async function problemOf(response: Response): Promise<ApiProblem['problem']> {
  const text = await response.clone().text();
  try {
    return JSON.parse(text) as ApiProblem['problem'];
  } catch {
    return { title: response.statusText, status: response.status } as ApiProblem['problem'];
  }
}
