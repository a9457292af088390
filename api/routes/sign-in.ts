/**
 * Where the web apps sign in: the browser reads this at start-up, then goes to the provider with
 * authorization code + PKCE (web/src/auth/). Public: it is what signing in starts from. Then who
 * signed in: `GET /v1/me`, read from the access token by the verifier that guards every route.
 */

import { notFound } from '../../platform/http/problem';
import { principalOf } from '../access';
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
  operation({
    operationId: 'getMe',
    route: 'GET /v1/me',
    summary: 'Who the access token is: role, customer ID or staff account, vendor, display name',
    description:
      'Read from the token by the same verifier and per-issuer claim mapping (AUTH_ISSUERS) as every route, so the web apps never read a provider’s claim names. A genuine token that carries no role of ours answers 403 (`insufficient_scope`), as does one naming a role its issuer may not grant.',
    access: 'any',
    responses: {
      200: ok('the person the token is', 'Me'),
      403: problem('the token carries no role of ours, or one its issuer may not grant'),
    },
    handler: ({ res }) => {
      const { role, sub, vendor, name, issuer } = principalOf(res);
      return {
        role,
        customerId: role === 'customer' ? sub : null,
        account: role === 'customer' ? null : sub,
        vendor: vendor ?? null,
        displayName: name ?? sub,
        issuer: issuer ?? '',
      };
    },
  }),
];
