/**
 * What must never leave the process in telemetry, in one place for the logs (platform/logger.ts)
 * and the spans (./span-scrubber.ts): the personal and secret fields of our shapes, by name at any
 * depth, and the personal or secret text recognisable by its form wherever it appears (tokens,
 * query strings, email addresses, phone numbers). Names and addresses have no form: they are kept
 * out by their field names. The IDs operators work with stay (customer ID, upgrade ID, bill code,
 * ticket and WO numbers, workflow IDs): docs/security.md says why.
 */

export const REDACTED = '[redacted]';

/**
 * Field names whose values are personal or secret wherever they appear, compared without case,
 * `-` or `_` (so `access_token`, `accessToken` and the `Authorization` header all match).
 */
export const PERSONAL_FIELDS = [
  // The customer (prisma/schema's Customer, the CRM and Billing App views, the statement).
  'name',
  'customerName',
  'fullName',
  'email',
  'phone',
  'phoneNumber',
  'msisdn',
  'address',
  'installationAddress',
  'homepassCode',
  'homepassId',
  // The customer's device: its serial names one household's ONT.
  'serial',
  'ontSerial',
  'newOntSerial',
  'oldOntSerial',
  // Who an email or push goes to, and what it says.
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'html',
  'text',
  'body',
  // The CS search term (a phone number or a name).
  'q',
  // Credentials.
  'authorization',
  'proxyAuthorization',
  'cookie',
  'setCookie',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'password',
  'secret',
  'apiKey',
  'xApiKey',
  'signature',
  'clientSecret',
] as const;

const normalized = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
const PERSONAL = new Set(PERSONAL_FIELDS.map(normalized));

/** Whether a field of this name holds personal or secret data. */
export function isPersonalField(key: string): boolean {
  return PERSONAL.has(normalized(key));
}

/** Personal or secret text by its form, and what replaces it. */
const PATTERNS: Array<[RegExp, string]> = [
  // A JWT (its header is base64url JSON, so it starts `eyJ`): link tokens, access and ID tokens.
  [/eyJ[\w-]*(?:\.[\w-]*){0,2}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  // A query string (link tokens, search terms): the path stays, everything after `?` goes.
  [/\?[^\s"'<>#]*=[^\s"'<>#]*/g, `?${REDACTED}`],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi, REDACTED],
  // Indonesian mobile numbers, `+62 8…`, `62 8…` or `08…`.
  [/(?<![\w-])(?:\+?62|0)8\d{7,11}(?![\w-])/g, REDACTED],
];

/** The text with every token, query string, email address and phone number replaced. */
export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of PATTERNS) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

/** A URL or request target without its query string (the path and fragment stay). */
export function withoutQuery(url: string): string {
  return url.replace(/\?[^#]*/, '');
}

/** An error as plain fields (its class as `type`, message, stack, own fields), before scrubbing. */
export type ErrorFields = (error: Error) => Record<string, unknown>;

const MAX_DEPTH = 8;

/**
 * A copy of `value` with every personal field's value replaced, at any depth, and every string
 * scrubbed by form. Errors become plain fields (`errorFields`) scrubbed the same way; what is too
 * deep or circular is dropped.
 */
export function scrubValue(value: unknown, errorFields?: ErrorFields): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubText(v);
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Date) return v;
    if (seen.has(v) || depth > MAX_DEPTH) return '[dropped]';
    seen.add(v);
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    if (Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return '[bytes]';
    const source = v instanceof Error ? (errorFields?.(v) ?? errorOwnFields(v)) : v;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(source)) {
      // An error's class is kept as `type`; its `name` (the class too) is not a person's.
      copy[key] =
        isPersonalField(key) && !(v instanceof Error && key === 'name') ? REDACTED : walk(field, depth + 1);
    }
    return copy;
  };
  return walk(value, 0);
}

function errorOwnFields(error: Error): Record<string, unknown> {
  return { ...error, type: error.name, message: error.message, stack: error.stack };
}
