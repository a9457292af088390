/**
 * Where the web apps sign in: the browser reads this at start-up, then goes to the provider with
 * authorization code + PKCE (web/src/auth/). Public: it is what signing in starts from.
 */

import { notFound } from '../../platform/http/problem';
import { ok, operationsOf, problem } from '../operation';

const operation = operationsOf('System');

export const SIGN_IN = [
  operation({
    operationId: 'getWebClientSettings',
    route: 'GET /v1/auth/web-client',
    summary: 'The OpenID provider and public client the web apps sign in with',
    description:
      'From AUTH_WEB_AUTHORITY, AUTH_WEB_CLIENT_ID and AUTH_WEB_SCOPE; outside production, the development provider. 404 when none is configured.',
    access: 'public',
    responses: {
      200: ok('the provider and client', 'WebClientSettings'),
      404: problem('no web sign-in is configured (AUTH_WEB_AUTHORITY and AUTH_WEB_CLIENT_ID unset)'),
    },
    handler: async (_input, { config }) => {
      const client = config.auth.webClient;
      if (!client) throw notFound('no web sign-in is configured');
      return { authority: client.authority, clientId: client.clientId, scope: client.scope };
    },
  }),
];
