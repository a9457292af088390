/** How the web apps sign in, and the development sign-in’s customers and sessions. */
import { z } from 'zod';
import { CustomerId, CustomerType, JakartaInstant, OntBand } from './scalars';

export const WebClientSettings = z.strictObject({
  authority: z.string().describe('the OpenID provider the web apps sign in with (its issuer URL)'),
  clientId: z.string().describe('the web apps’ public client (authorization code + PKCE)'),
  scope: z.string().describe('the scopes the web apps ask for, space-separated'),
});

/**
 * Who an access token is, as the API's verifier and the issuer's claim mapping (AUTH_ISSUERS) read
 * it: what the web apps know of the person signed in (never the provider's own claim names).
 */
export const Me = z.strictObject({
  role: z
    .enum(['customer', 'technician', 'cs', 'operator'])
    .describe('the role of ours the token carries (the highest, when its provider grants several)'),
  customerId: CustomerId.nullable().describe('a customer’s 8-digit customer ID; null for staff'),
  account: z
    .string()
    .nullable()
    .describe('a technician’s, CS agent’s or operator’s account name at their provider; null for a customer'),
  vendor: z.string().nullable().describe('a technician’s installer vendor (`MISITEL`); null otherwise'),
  displayName: z
    .string()
    .describe(
      'the name the provider gives (its `name` claim, or the issuer’s `claims.name`); else the customer ID or account',
    ),
  issuer: z.string().describe('the provider that vouched for the token (its `iss`)'),
});

/** Development sign-in only. */
export const DevCustomerList = z.strictObject({
  customers: z
    .array(
      z.strictObject({
        customerId: CustomerId,
        name: z.string(),
        customerType: CustomerType,
        packageName: z.string().nullable(),
        ontBand: OntBand.nullable(),
      }),
    )
    .describe('the seeded customers, by customer ID'),
});

export const DevSession = z.strictObject({
  accessToken: z.string().describe('a bearer token, as the identity provider would issue it'),
  tokenType: z.literal('Bearer'),
  expiresAt: JakartaInstant,
  role: z.enum(['customer', 'technician', 'cs', 'operator']),
  subject: z.string(),
});
