/**
 * The identity providers the API trusts, each with what it may vouch for: AUTH_ISSUERS (a JSON
 * array) or AUTH_ISSUERS_FILE (the same in a file). docs/security.md shows one per IdP.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { ROLES } from './principal';

/** Asymmetric only: an HMAC algorithm would let anyone holding the verification key sign. */
export const ALLOWED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
] as const;

const claimPath = z
  .string()
  .regex(/^[A-Za-z0-9_:/.-]+$/, 'a claim name, dots for nesting (realm_access.roles)');

export const IssuerSchema = z
  .object({
    /** Exactly the token's `iss`. */
    issuer: z.url(),
    /** Where its signing keys are; absent: read from `<issuer>/.well-known/openid-configuration`. */
    jwksUri: z.url().optional(),
    /** What it must put in `aud` for this API. */
    audience: z.string().min(1),
    algorithms: z.array(z.enum(ALLOWED_ALGORITHMS)).min(1).default(['RS256']),
    /** The roles its tokens may carry; any other is refused (403). */
    roles: z.array(z.enum(ROLES)).min(1),
    claims: z
      .object({
        /** Holds the role (a string or an array of strings). */
        role: claimPath.default('roles'),
        /** Holds the 8-digit customer ID of a customer (an IdP's `sub` rarely is it). */
        customerId: claimPath.default('customer_id'),
        /** Names a technician, CS agent or operator. */
        subject: claimPath.default('sub'),
        /** Holds a technician's installer vendor (`MISITEL`), whose work orders alone they see; absent: `vendor`. */
        vendor: claimPath.optional(),
        /** Holds the person's display name (`GET /v1/me`); absent: `name`. */
        name: claimPath.optional(),
      })
      .default({ role: 'roles', customerId: 'customer_id', subject: 'sub' }),
    /** The installer vendors its technician tokens may name (a vendor portal: its own); required with `technician`. */
    vendors: z.array(z.string().min(1)).min(1).optional(),
    /** The role claim's values and the role each means (`{"selfcare-cs": "cs", "selfcare-ops": "operator"}`); absent: the role names. */
    roleValues: z.record(z.string(), z.enum(ROLES)).optional(),
    /** An unknown `kid` refetches the keys at most this often. */
    jwksCooldownSeconds: z.number().min(0).max(3600).default(30),
    /** Keys are refetched when older than this even if every `kid` is known (a removed key stops working). */
    jwksCacheMaxAgeSeconds: z.number().min(1).max(86_400).default(600),
  })
  .strict();

export type IssuerSettings = z.infer<typeof IssuerSchema>;

/** The issuers of AUTH_ISSUERS or AUTH_ISSUERS_FILE, or an Error naming the setting and what is wrong. */
export function parseIssuers(
  json: string | undefined,
  file: string | undefined,
): IssuerSettings[] | undefined {
  const [name, text] = file
    ? ['AUTH_ISSUERS_FILE', readFile(file)]
    : json
      ? ['AUTH_ISSUERS', json]
      : [undefined, undefined];
  if (name === undefined || text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`invalid environment:\n  ${name}: not JSON (an array of issuers, see docs/security.md)`);
  }
  const parsed = z.array(IssuerSchema).min(1).safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${name}[${i.path.join('.')}]: ${i.message}`)
      .join('\n');
    throw new Error(`invalid environment:\n${problems}`);
  }
  const seen = new Set<string>();
  for (const { issuer, roles, vendors } of parsed.data) {
    if (seen.has(issuer))
      throw new Error(`invalid environment:\n  ${name}: issuer ${issuer} is listed twice`);
    seen.add(issuer);
    // Without the list, its technician tokens could name any vendor and open that vendor's work orders.
    if (roles.includes('technician') && !vendors)
      throw new Error(
        `invalid environment:\n  ${name}: issuer ${issuer} may grant technician, so it must list its installer vendors ("vendors": ["MISITEL"])`,
      );
  }
  return parsed.data;
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`invalid environment:\n  AUTH_ISSUERS_FILE: cannot read ${file}`);
  }
}
