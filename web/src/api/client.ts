/**
 * The one client of the API: openapi-fetch typed by schema.d.ts (generated from the API's own
 * OpenAPI document: `npm run web:client`), same origin, with the session's bearer token.
 */
import createClient from 'openapi-fetch';
import { auth } from '../auth';
import { ApiProblem } from './problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const session = auth.current();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ response }) {
    // The token expired or was refused: sign in again and come back here.
    if (response.status === 401 && auth.current()) {
      auth.signIn(`${window.location.pathname}${window.location.search}`);
    }
    return response;
  },
});

/** The data of a 2xx answer, or throws its problem (for TanStack Query). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const problem = (error ?? { title: response.statusText, status: response.status }) as ApiProblem['problem'];
  throw new ApiProblem(response.status, problem);
}
