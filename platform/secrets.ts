/**
 * The values of our secret settings that anyone who has read the repository knows: the development
 * constants the code falls back to, and the examples the documentation and earlier compose files
 * published. Production refuses each (platform/config.ts), and a value used for two secrets.
 * test/unit/platform/secrets.test.ts reads docker-compose.yml, README.md and docs/ for the values
 * they publish and fails when one is missing here.
 */
import { DEVELOPMENT_TOOLS_CLIENT_SECRET, TEMPORAL_UI_CLIENT_SECRET } from './auth/provider-constants';

/** Known to every developer: fine on a laptop, refused in production. */
export const DEVELOPMENT_STATEMENT_LINK_SECRET = 'oxygen-selfcare-statement-link-development-secret';

/** Known to every developer (and to the local Midtrans stand-in): fine on a laptop, refused in production. */
export const DEVELOPMENT_MIDTRANS_SERVER_KEY = 'SB-Mid-server-oxygen-selfcare-development-key';

/** The retired signed-callback scheme's development secret (PAYMENT_WEBHOOK_SECRET): still published. */
export const RETIRED_PAYMENT_WEBHOOK_SECRET = 'oxygen-selfcare-payment-gateway-development-secret';

/** Examples published beside the code: docker-compose.yml's former fallbacks (`${VAR:-…}`). */
export const DOCUMENTED_SECRET_EXAMPLES = [
  'change-me-in-production-the-statement-link-key',
  'change-me-in-production-the-gateway-secret',
] as const;

/** Every published value: the development constants of the code, then the documented examples. */
export const PUBLISHED_SECRETS: readonly string[] = [
  DEVELOPMENT_STATEMENT_LINK_SECRET,
  DEVELOPMENT_MIDTRANS_SERVER_KEY,
  RETIRED_PAYMENT_WEBHOOK_SECRET,
  DEVELOPMENT_TOOLS_CLIENT_SECRET,
  TEMPORAL_UI_CLIENT_SECRET,
  ...DOCUMENTED_SECRET_EXAMPLES,
];

/** A published value, or a placeholder of the same kind (`change-me…`). */
export function isPublishedSecret(value: string): boolean {
  const v = value.trim();
  return PUBLISHED_SECRETS.includes(v) || /^change[-_]?me/i.test(v);
}

/** The settings that hold a secret of ours: each must be unpublished and used for nothing else. */
export const SECRET_VARIABLES = ['STATEMENT_LINK_SECRET', 'MIDTRANS_SERVER_KEY', 'RESEND_API_KEY'] as const;
export type SecretVariable = (typeof SECRET_VARIABLES)[number];

/**
 * The sentence refusing production's secrets, or undefined: the first variable whose value is
 * published, or that repeats an earlier one's.
 */
export function secretRefusal(values: Partial<Record<SecretVariable, string>>): string | undefined {
  const seen = new Map<string, SecretVariable>();
  for (const name of SECRET_VARIABLES) {
    const value = values[name];
    if (!value) continue;
    if (isPublishedSecret(value))
      return `${name}: its value is published in the repository (a development constant, a compose default or a documentation example); set a fresh random one (openssl rand -base64 48)`;
    const first = seen.get(value.trim());
    if (first)
      return `${name}: the same value as ${first}; each secret needs a value of its own (openssl rand -base64 48)`;
    seen.set(value.trim(), name);
  }
  return undefined;
}
