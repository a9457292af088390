/**
 * Who can sign in at the development provider: the deck's customers (prisma/seed-data.ts), the
 * installer vendor's technician and a CS operator. An account's ID (`customer:21314849`) is not
 * the customer ID on purpose: like a real IdP's `sub`, the API maps it through a claim.
 */
import { DEMO_CUSTOMERS } from '../../prisma/seed-data';
import { ROLES, type Role } from './principal';

export interface Person {
  accountId: string;
  role: Role;
  /** The customer ID, or the technician's / operator's user name. */
  subject: string;
  name: string;
  /** What the login page says about them. */
  description: string;
}

export const accountIdOf = (role: Role, subject: string) => `${role}:${subject}`;

const person = (role: Role, subject: string, name: string, description: string): Person => ({
  accountId: accountIdOf(role, subject),
  role,
  subject,
  name,
  description,
});

export const SEEDED_PEOPLE: readonly Person[] = [
  ...DEMO_CUSTOMERS.map((c) => person('customer', c.id, c.name, `Pelanggan ${c.id}`)),
  person('technician', 'tech-budi', 'Budi Hartono', 'Teknisi vendor pemasang (Misitel)'),
  person('operator', 'ops-rina', 'Rina Wulandari', 'Petugas Customer Service'),
];

/** The person an account ID names: a seeded one, or (development tokens) anyone of a known role. */
export function personOf(accountId: string): Person | undefined {
  const seeded = SEEDED_PEOPLE.find((p) => p.accountId === accountId);
  if (seeded) return seeded;
  const match = /^([a-z]+):(.+)$/.exec(accountId);
  if (!match || !(ROLES as readonly string[]).includes(match[1]!)) return undefined;
  const [, role, subject] = match as unknown as [string, Role, string];
  if (!subjectFits(role, subject)) return undefined;
  return person(role, subject, subject, role);
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
  };
}
