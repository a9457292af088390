/** Customer service's reads, through the typed query hooks (the key: method, path, parameters). */
import { $api } from '../api/client';

const customer = (customerId: string) => ({ params: { path: { customerId } } });
const paged = (customerId: string, pageSize: number) => ({
  params: { path: { customerId }, query: { pageSize } },
});

export function useSearch(q: string, page: number) {
  return $api.useQuery(
    'get',
    '/v1/cs/customers',
    { params: { query: { q, page, pageSize: 20 } } },
    { enabled: q.trim().length >= 2 },
  );
}

export const useProfile = (customerId: string) =>
  $api.useQuery('get', '/v1/cs/customers/{customerId}', customer(customerId));

export const useCsBills = (customerId: string) =>
  $api.useQuery('get', '/v1/customers/{customerId}/bills', paged(customerId, 100));

export const useCsPayments = (customerId: string) =>
  $api.useQuery('get', '/v1/customers/{customerId}/payments', paged(customerId, 100));

export const useCsTickets = (customerId: string) =>
  $api.useQuery('get', '/v1/cs/customers/{customerId}/tickets', customer(customerId));

export const useCsWorkOrders = (customerId: string) =>
  $api.useQuery('get', '/v1/cs/customers/{customerId}/work-orders', customer(customerId));

export const useCsNotices = (customerId: string) =>
  $api.useQuery('get', '/v1/cs/customers/{customerId}/notices', paged(customerId, 100));

export const useCsUpgrades = (customerId: string) =>
  $api.useQuery('get', '/v1/customers/{customerId}/upgrades', paged(customerId, 50));

export const useAuditTrail = (customerId: string) =>
  $api.useQuery('get', '/v1/cs/customers/{customerId}/audit-trail', paged(customerId, 100));

/** Every read of the customer page (its query keys' method and path): refetched after an action changes what they show. */
export const CUSTOMER_KEYS = [
  '/v1/cs/customers/{customerId}',
  '/v1/customers/{customerId}/bills',
  '/v1/customers/{customerId}/payments',
  '/v1/cs/customers/{customerId}/tickets',
  '/v1/cs/customers/{customerId}/work-orders',
  '/v1/cs/customers/{customerId}/notices',
  '/v1/customers/{customerId}/upgrades',
  '/v1/cs/customers/{customerId}/audit-trail',
  '/v1/work-orders/{woNumber}/available-slots',
].map((path) => ['get', path]);
