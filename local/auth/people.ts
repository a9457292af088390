/**
 * Who can sign in at the development provider: the deck's customers (prisma/seed-data.ts), the
 * installer vendor's technician, a customer-service agent (`cs`) and an operator (`operator`: the
 * ops views and the Temporal Web UI). An account's ID (`customer:21314849`) is not
 * the customer ID on purpose: like a real IdP's `sub`, the API maps it through a claim.
 */
import { INSTALLER_VENDOR } from '../../domain/visits';
import { ROLES, type Role } from '../../platform/auth/principal';
import { DEMO_CUSTOMERS } from '../../prisma/seed-data';

export interface Person {
  accountId: string;
  role: Role;
  /** The customer ID, or the technician's / CS agent's / operator's user name. */
  subject: string;
  name: string;
  /** What the login page says about them. */
  description: string;
  /** A technician's installer vendor (the `vendor` claim). */
  vendor?: string;
}

/**
 * `technician:tech-budi`; a technician of another vendor than the ISP's installer carries it:
 * `technician:tech-andi@ICONNET` (development tokens for a second vendor, in tests).
 */
export const accountIdOf = (role: Role, subject: string, vendor?: string) =>
  role === 'technician' && vendor && vendor !== INSTALLER_VENDOR
    ? `${role}:${subject}@${vendor}`
    : `${role}:${subject}`;

const VENDOR = /^[A-Z0-9][A-Z0-9+._-]{0,31}$/;
export const vendorFits = (vendor: string) => VENDOR.test(vendor);

const person = (
  role: Role,
  subject: string,
  name: string,
  description: string,
  vendor = role === 'technician' ? INSTALLER_VENDOR : undefined,
): Person => ({
  accountId: accountIdOf(role, subject, vendor),
  role,
  subject,
  name,
  description,
  ...(vendor ? { vendor } : {}),
});

export const SEEDED_PEOPLE: readonly Person[] = [
  ...DEMO_CUSTOMERS.map((c) => person('customer', c.id, c.name, `Pelanggan ${c.id}`)),
  person('technician', 'tech-budi', 'Budi Hartono', 'Teknisi vendor pemasang (Misitel)'),
  // Another installer vendor's technician: sees none of Misitel's work orders.
  person('technician', 'tech-andi', 'Andi Saputra', 'Teknisi vendor lain (Iconnet)', 'ICONNET'),
  person('cs', 'cs-rina', 'Rina Wulandari', 'Petugas Customer Service'),
  person('operator', 'ops-dimas', 'Dimas Prasetyo', 'Petugas Operasional (Temporal Web UI)'),
];

/** The person an account ID names: a seeded one, or (development tokens) anyone of a known role. */
export function personOf(accountId: string): Person | undefined {
  const seeded = SEEDED_PEOPLE.find((p) => p.accountId === accountId);
  if (seeded) return seeded;
  const match = /^([a-z]+):(.+)$/.exec(accountId);
  if (!match || !(ROLES as readonly string[]).includes(match[1]!)) return undefined;
  const [, role, named] = match as unknown as [string, Role, string];
  const at = role === 'technician' ? named.lastIndexOf('@') : -1;
  const [subject, vendor] = at > 0 ? [named.slice(0, at), named.slice(at + 1)] : [named, undefined];
  if (!subjectFits(role, subject) || (vendor !== undefined && !vendorFits(vendor))) return undefined;
  return person(role, subject, subject, role, vendor);
}

export function subjectFits(role: Role, subject: string): boolean {
  return role === 'customer' ? /^\d{8}$/.test(subject) : /^[A-Za-z0-9._-]{1,64}$/.test(subject);
}

/** The claims the provider puts in its tokens about a person (the API maps them, see issuers.ts). */
export function claimsOf(p: Person): Record<string, unknown> {
  return {
    name: p.name,
    preferred_username: p.subject,
    roles: [p.role],
    ...(p.role === 'customer' ? { customer_id: p.subject } : {}),
    ...(p.vendor ? { vendor: p.vendor } : {}),
  };
}
