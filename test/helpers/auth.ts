import { mintToken, type Principal, type Role } from '../../platform/auth';
import { DEVELOPMENT_JWT_SECRET } from '../../platform/config';

/** `Authorization` headers as the Selfcare app, the vendor portal or the CRM would send them. */
export function bearer(role: Role, sub: string, secret = DEVELOPMENT_JWT_SECRET): Record<string, string> {
  return { Authorization: `Bearer ${mintToken({ sub, role }, secret)}` };
}

export const asCustomer = (customerId: string) => bearer('customer', customerId);
export const asOperator = () => bearer('operator', 'ops-rina');
export const asTechnician = () => bearer('technician', 'tech-misitel-budi');

/** The caller a test means by a path: the customer it names, a technician or an operator. */
export function principalFor(path: string): Principal {
  if (path.includes('/technician/')) return { role: 'technician', sub: 'tech-misitel-budi' };
  if (path.includes('/ops/') || path.includes('/dev/')) return { role: 'operator', sub: 'ops-rina' };
  const customer = /\/customers\/(\d{8})\//.exec(path) ?? /\/upgrades\/upgrade-(\d{8})-/.exec(path);
  if (customer?.[1]) return { role: 'customer', sub: customer[1] };
  return { role: 'operator', sub: 'ops-rina' };
}

export function callerFor(path: string): Record<string, string> {
  const principal = principalFor(path);
  return bearer(principal.role, principal.sub);
}
