/**
 * The bearer-token check of every /v1 operation and of the codec server: verifies the token with
 * its issuer's keys (verifier.ts) and puts the principal in `res.locals.principal`. A statement
 * link's token comes as `?access_token=`, is verified with the link key, and opens only the one
 * statement it names (the billing statement in the bill email). Refusals carry the RFC 6750 challenge.
 */
import type { RequestHandler, Response } from 'express';
import type { AppConfig } from '../config';
import { HttpProblem } from '../http/problem';
import { type Principal, statementScope, TokenRefused } from './principal';
import { verifyStatementLink } from './statement-link';
import { createTokenVerifier, type TokenVerifier } from './verifier';

export const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

export function authenticate(
  auth: Pick<AppConfig['auth'], 'issuers' | 'statementLinks'>,
  verifier: TokenVerifier = createTokenVerifier(auth.issuers),
): RequestHandler {
  const links = auth.statementLinks;
  return async (req, res, next) => {
    const header = req.get('authorization');
    const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    if (header !== undefined && fromQuery !== undefined)
      return next(
        withChallenge(
          res,
          new TokenRefused('send the token in the Authorization header or as access_token, not both'),
        ),
      );
    let principal: Principal;
    try {
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match)
          return next(withChallenge(res, unauthorized('the Authorization header must be "Bearer <token>"')));
        principal = await verifier.verify(match[1]!);
      } else if (fromQuery) {
        principal = await verifyStatementLink(links, fromQuery);
      } else {
        return next(withChallenge(res, unauthorized('a bearer token is required')));
      }
    } catch (error) {
      if (error instanceof TokenRefused) return next(withChallenge(res, error));
      return next(error);
    }
    if (principal.scope !== undefined) {
      const allowed = req.method === 'GET' && scopeAllows(principal.scope, req.path);
      if (!allowed) return next(forbidden('this link token opens only the resource it was issued for'));
    }
    res.locals.principal = principal;
    next();
  };
}

function scopeAllows(scope: string, path: string): boolean {
  const match = /^\/bills\/(\d{12})\/statement$/.exec(path);
  return match !== null && scope === statementScope(match[1]!);
}

const REALM = 'oxygen-selfcare';

/** RFC 6750: no error code when no token came; otherwise the error and what is wrong with it. */
function withChallenge(res: Response, refusal: HttpProblem | TokenRefused): HttpProblem {
  if (refusal instanceof HttpProblem) {
    res.set('WWW-Authenticate', `Bearer realm="${REALM}"`);
    return refusal;
  }
  // RFC 6750: error_description is printable ASCII without " and \.
  const description = refusal.message.replace(/[’‘]/g, "'").replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '');
  res.set(
    'WWW-Authenticate',
    `Bearer realm="${REALM}", error="${refusal.error}", error_description="${description}"`,
  );
  return refusal.status === 403 ? forbidden(refusal.message) : unauthorized(refusal.message);
}
