/** Customer service's reads, through the typed query hooks (the key: method, path, parameters). */
import type { UseQueryResult } from '@tanstack/react-query';
import type { MethodResponse } from 'openapi-react-query';
import { $api } from '../api/client';

/** The customer page's reads (their query keys' path), each refetched after an action changes what they show. */
const CUSTOMER_READS = [
  '/v1/cs/customers/{customerId}',
  '/v1/customers/{customerId}/bills',
  '/v1/customers/{customerId}/payments',
  '/v1/cs/customers/{customerId}/tickets',
  '/v1/cs/customers/{customerId}/work-orders',
  '/v1/cs/customers/{customerId}/notices',
  '/v1/customers/{customerId}/upgrades',
  '/v1/cs/customers/{customerId}/audit-trail',
] as const;
type CustomerRead = (typeof CUSTOMER_READS)[number];

const FREE_SLOTS = '/v1/work-orders/{woNumber}/available-slots';

/** What an action refetches: the customer page's reads and the free slots of a visit being booked. */
export const CUSTOMER_KEYS = [...CUSTOMER_READS, FREE_SLOTS].map((path) => ['get', path]);

// openapi-react-query cannot check a read whose path is still a type parameter: `customerRead` types the answer.
const useRead = $api.useQuery as (method: 'get', path: CustomerRead, init: object) => UseQueryResult;

/** The hook of one of the customer page's reads (the first `pageSize` items where it is a list). */
function customerRead<P extends CustomerRead>(path: P, pageSize?: number) {
  return (customerId: string) =>
    useRead('get', path, {
      params: { path: { customerId }, query: pageSize ? { pageSize } : undefined },
    }) as UseQueryResult<MethodResponse<typeof $api, 'get', P>>;
}

export function useSearch(q: string, page: number) {
  return $api.useQuery(
    'get',
    '/v1/cs/customers',
    { params: { query: { q, page, pageSize: 20 } } },
    { enabled: q.trim().length >= 2 },
  );
}

export const useProfile = customerRead('/v1/cs/customers/{customerId}');
export const useCsBills = customerRead('/v1/customers/{customerId}/bills', 100);
export const useCsPayments = customerRead('/v1/customers/{customerId}/payments', 100);
export const useCsTickets = customerRead('/v1/cs/customers/{customerId}/tickets');
export const useCsWorkOrders = customerRead('/v1/cs/customers/{customerId}/work-orders');
export const useCsNotices = customerRead('/v1/cs/customers/{customerId}/notices', 100);
export const useCsUpgrades = customerRead('/v1/customers/{customerId}/upgrades', 50);
export const useAuditTrail = customerRead('/v1/cs/customers/{customerId}/audit-trail', 100);
