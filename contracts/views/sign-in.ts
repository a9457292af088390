/** How the web apps sign in, and the development sign-in’s customers and sessions. */
import { z } from 'zod';
import { CustomerId, CustomerType, JakartaInstant, OntBand } from './scalars';

export const WebClientSettings = z.strictObject({
  authority: z.string().describe('the OpenID provider the web apps sign in with (its issuer URL)'),
  clientId: z.string().describe('the web apps’ public client (authorization code + PKCE)'),
  scope: z.string().describe('the scopes the web apps ask for, space-separated'),
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
  role: z.enum(['customer', 'technician', 'operator']),
  subject: z.string(),
});
