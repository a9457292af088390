/**
 * Who may do what. Customers act only on their own data (another customer's answers 404, so
 * nothing leaks), technicians only report ONT swaps, operators read everything and act on
 * nothing a customer owns. Tokens: `Authorization: Bearer <jwt>` (platform/auth.ts).
 */
import type { RequestHandler, Response } from 'express';
import { InvalidToken, type Principal, type Role, statementScope, verifyToken } from '../platform/auth';
import { HttpProblem, notFound } from './problem';

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new HttpProblem(401, 'Unauthorized', 'a bearer token is required');
  return principal;
}

const unauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail);
const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

/**
 * Verifies the bearer token. A link token (with a `scope`) may also come as `?access_token=`
 * and opens only the one resource it names (the billing statement in the bill email).
 */
export function authenticate(secret: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    let token: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match)
        return next(withChallenge(res, unauthorized('the Authorization header must be "Bearer <token>"')));
      token = match[1];
    } else {
      token = fromQuery;
    }
    if (!token) return next(withChallenge(res, unauthorized('a bearer token is required')));
    let principal: Principal;
    try {
      principal = verifyToken(token, secret);
    } catch (error) {
      const detail = error instanceof InvalidToken ? error.message : 'token invalid';
      return next(withChallenge(res, unauthorized(detail)));
    }
    if (principal.scope !== undefined || fromQuery !== undefined) {
      const allowed =
        principal.scope !== undefined && req.method === 'GET' && scopeAllows(principal.scope, req.path);
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

function withChallenge(res: Response, problem: HttpProblem): HttpProblem {
  res.set('WWW-Authenticate', 'Bearer realm="oxygen-selfcare"');
  return problem;
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    next(roles.includes(principal.role) ? undefined : forbidden(`this needs the role ${roles.join(' or ')}`));
  };
}

/**
 * For routes under /customers/:customerId. `read`: the customer themself or an operator.
 * `act`: the customer themself only.
 */
export function customerAccess(mode: 'read' | 'act'): RequestHandler {
  return (req, res, next) => {
    try {
      assertCustomerAccess(res, String(req.params.customerId), mode);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Throws 404 (never 403) when a customer reaches for another customer's data. */
export function assertCustomerAccess(res: Response, customerId: string, mode: 'read' | 'act' = 'read'): void {
  const principal = principalOf(res);
  // A malformed ID is the route's to refuse (400), whoever asks.
  if (!/^\d{8}$/.test(customerId)) return;
  if (principal.role === 'customer') {
    if (principal.sub !== customerId) throw notFound(`customer ${customerId} does not exist`);
    return;
  }
  if (principal.role === 'operator' && mode === 'read') return;
  throw forbidden(
    principal.role === 'operator'
      ? 'operators cannot act for a customer'
      : 'technicians may only report ONT swaps',
  );
}

/** For resources found by their own ID (bills, upgrades): 404 unless the caller may see their customer. */
export function assertMayRead(res: Response, customerId: string, what: string): void {
  const principal = principalOf(res);
  if (principal.role === 'operator') return;
  if (principal.role === 'customer' && principal.sub === customerId) return;
  if (principal.role === 'technician') throw forbidden('technicians may only report ONT swaps');
  throw notFound(`${what} does not exist`);
}
