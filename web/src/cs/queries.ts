/** Customer service's reads, one query key each, through the typed client. */
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';

const customer = (customerId: string) => ({ params: { path: { customerId } } });

export function useSearch(q: string, page: number) {
  return useQuery({
    queryKey: ['cs-search', q, page],
    enabled: q.trim().length >= 2,
    queryFn: () => must(api.GET('/v1/cs/customers', { params: { query: { q, page, pageSize: 20 } } })),
  });
}

export function useProfile(customerId: string) {
  return useQuery({
    queryKey: ['cs-profile', customerId],
    queryFn: () => must(api.GET('/v1/cs/customers/{customerId}', customer(customerId))),
  });
}

export function useCsBills(customerId: string) {
  return useQuery({
    queryKey: ['cs-bills', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/bills', {
          params: { path: { customerId }, query: { pageSize: 100 } },
        }),
      ),
  });
}

export function useCsPayments(customerId: string) {
  return useQuery({
    queryKey: ['cs-payments', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/payments', {
          params: { path: { customerId }, query: { pageSize: 100 } },
        }),
      ),
  });
}

export function useCsTickets(customerId: string) {
  return useQuery({
    queryKey: ['cs-tickets', customerId],
    queryFn: () => must(api.GET('/v1/ops/tickets', { params: { query: { customerId } } })),
  });
}

export function useCsWorkOrders(customerId: string) {
  return useQuery({
    queryKey: ['cs-work-orders', customerId],
    queryFn: () => must(api.GET('/v1/cs/customers/{customerId}/work-orders', customer(customerId))),
  });
}

export function useCsNotices(customerId: string) {
  return useQuery({
    queryKey: ['cs-notices', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/cs/customers/{customerId}/notices', {
          params: { path: { customerId }, query: { pageSize: 100 } },
        }),
      ),
  });
}

export function useCsUpgrades(customerId: string) {
  return useQuery({
    queryKey: ['cs-upgrades', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/upgrades', {
          params: { path: { customerId }, query: { pageSize: 50 } },
        }),
      ),
  });
}

export function useAuditTrail(customerId: string) {
  return useQuery({
    queryKey: ['cs-audit', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/cs/customers/{customerId}/audit-trail', {
          params: { path: { customerId }, query: { pageSize: 100 } },
        }),
      ),
  });
}

export function useSlots(woNumber: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cs-slots', woNumber],
    enabled,
    queryFn: () =>
      must(
        api.GET('/v1/work-orders/{woNumber}/available-slots', {
          params: { path: { woNumber }, query: { days: 14 } },
        }),
      ),
  });
}

/** Every read of the customer page: refetched after an action changes what they show. */
export const CUSTOMER_KEYS = [
  'cs-profile',
  'cs-bills',
  'cs-payments',
  'cs-tickets',
  'cs-work-orders',
  'cs-notices',
  'cs-upgrades',
  'cs-audit',
  'cs-slots',
];
