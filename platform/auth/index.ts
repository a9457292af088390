/** Identity: who may call the API and how a token proves it (docs/security.md). */

export { authenticate } from './bearer';
export { type DevelopmentTokenRequest, mintDevelopmentToken } from './development-token';
export { type IssuerSettings, parseIssuers } from './issuers';
export { type Principal, ROLES, type Role, statementScope, TokenRefused } from './principal';
export {
  type StatementLinkSettings,
  statementLink,
  statementLinkRefusal,
  verifyStatementLink,
} from './statement-link';
export { createTokenVerifier, type TokenVerifier } from './verifier';
