/** Who is calling, as the API sees it once a token has been verified. */
/**
 * Least privilege for staff: `cs` (customer-service agents: the CS console's reads and actions) and
 * `operator` (operations: the ops views, the Temporal Web UI and its codec server); neither does
 * the other's work.
 */
export const ROLES = ['customer', 'technician', 'cs', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** A customer's 8-digit customer ID; a technician's, CS agent's or operator's user name at their issuer. */
  sub: string;
  role: Role;
  /** A technician's installer vendor (`MISITEL`): they see and act on its work orders only. */
  vendor?: string;
  /** Present on link tokens: the one resource the token opens (`statement:<billCode>`). */
  scope?: string;
  /** The issuer that vouched for it (a statement link: the API itself). */
  issuer?: string;
  /** The name the issuer gives the person (its `claims.name`, else `name`), when it gives one. */
  name?: string;
}

export const statementScope = (billCode: string) => `statement:${billCode}`;

/**
 * A token refused, with the RFC 6750 error the `WWW-Authenticate` header carries: 401
 * `invalid_token` (forged, expired, unknown issuer or key, wrong audience) or 403
 * `insufficient_scope` (a genuine token claiming a role its issuer may not grant).
 */
export class TokenRefused extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403 = 401,
    readonly error: 'invalid_token' | 'insufficient_scope' = status === 401
      ? 'invalid_token'
      : 'insufficient_scope',
  ) {
    super(message);
  }
}
