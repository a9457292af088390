/**
 * Tokens without a browser, from the development provider (local/auth/provider.ts): what
 * `npm run token`, the tests and the web app's development sign-in use. Refused in production,
 * where only the ISP's IdP issues tokens.
 */
import { loadConfig } from '../config';
import type { Role } from './principal';
import {
  DEVELOPMENT_TOKEN_GRANT,
  DEVELOPMENT_TOOLS_CLIENT_ID,
  DEVELOPMENT_TOOLS_CLIENT_SECRET,
} from './provider-constants';

export interface DevelopmentTokenRequest {
  role: Role;
  /** A customer's 8-digit customer ID; a technician's, CS agent's or operator's user name. */
  subject: string;
  /** A technician's installer vendor; default the ISP's (MISITEL). */
  vendor?: string;
  /** Lifetime; default 12. */
  hours?: number;
  /** The development provider's issuer URL; default: the configured one (OIDC_ISSUER / OIDC_PORT). */
  issuer?: string;
}

/** An access token for the API, signed by the development provider. */
export async function mintDevelopmentToken(request: DevelopmentTokenRequest): Promise<string> {
  const config = loadConfig();
  if (config.env === 'production')
    throw new Error('development tokens are refused in production (NODE_ENV=production)');
  const issuer = request.issuer ?? config.auth.development?.issuer;
  if (!issuer) throw new Error('no development provider is configured (OIDC_ISSUER / OIDC_PORT)');
  const answer = await fetch(`${issuer.replace(/\/+$/, '')}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${DEVELOPMENT_TOOLS_CLIENT_ID}:${DEVELOPMENT_TOOLS_CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: DEVELOPMENT_TOKEN_GRANT,
      role: request.role,
      subject: request.subject,
      hours: String(request.hours ?? 12),
      ...(request.vendor ? { vendor: request.vendor } : {}),
    }),
  }).catch((error: Error) => {
    throw new Error(
      `the development provider at ${issuer} does not answer (${error.message}): is npm start running?`,
    );
  });
  const body = (await answer.json().catch(() => ({}))) as {
    access_token?: string;
    error_description?: string;
  };
  if (!answer.ok || !body.access_token)
    throw new Error(`the development provider refused: ${body.error_description ?? `HTTP ${answer.status}`}`);
  return body.access_token;
}
