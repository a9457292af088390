/** The customer's reads, through the typed query hooks (the key: method, path, parameters). */
import { useQuery } from '@tanstack/react-query';
import { $api, api } from '../api/client';
import { useSession } from '../auth';
import { isInFlight } from '../lib/steps';

/** The signed-in customer's ID (the customer area is only rendered for a customer session). */
export function useCustomerId(): string {
  return useSession()?.subject ?? '';
}

const path = (customerId: string) => ({ params: { path: { customerId } } });
const paged = (customerId: string) => ({
  params: { path: { customerId }, query: { pageSize: 50 } },
});

export function useHome() {
  return $api.useQuery('get', '/v1/customers/{customerId}/home', path(useCustomerId()), {
    // While an upgrade runs, its steps are followed live.
    refetchInterval: (query) =>
      query.state.data?.pendingUpgrade && isInFlight(query.state.data.pendingUpgrade.status) ? 2_000 : false,
  });
}

export const useBills = () =>
  $api.useQuery('get', '/v1/customers/{customerId}/bills', paged(useCustomerId()));

export const usePayments = () =>
  $api.useQuery('get', '/v1/customers/{customerId}/payments', paged(useCustomerId()));

export const useUpgradeOptions = () =>
  $api.useQuery('get', '/v1/customers/{customerId}/upgrade-options', path(useCustomerId()));

export const useInbox = () =>
  $api.useQuery('get', '/v1/customers/{customerId}/inbox', path(useCustomerId()), { refetchInterval: 5_000 });

export const useUpgrade = (upgradeId: string) =>
  $api.useQuery(
    'get',
    '/v1/upgrades/{upgradeId}',
    { params: { path: { upgradeId } } },
    {
      refetchInterval: (query) => (query.state.data && !isInFlight(query.state.data.status) ? false : 2_000),
    },
  );

export const usePackage = (code: string) =>
  $api.useQuery(
    'get',
    '/v1/packages/{packageCode}',
    { params: { path: { packageCode: code } } },
    { staleTime: 60_000 },
  );

/** The query keys (method and path) of reads an action changes, for `invalidateQueries`. */
export const READS = {
  home: ['get', '/v1/customers/{customerId}/home'],
  bills: ['get', '/v1/customers/{customerId}/bills'],
  payments: ['get', '/v1/customers/{customerId}/payments'],
  inbox: ['get', '/v1/customers/{customerId}/inbox'],
  upgrade: ['get', '/v1/upgrades/{upgradeId}'],
  slots: ['get', '/v1/work-orders/{woNumber}/available-slots'],
  bill: ['get', '/v1/bills/{billCode}'],
  upgradeOptions: ['get', '/v1/customers/{customerId}/upgrade-options'],
} as const;

/** The development tools answer outside production only: the "pay" button shows where they do. */
export function useDevelopmentTools(): boolean {
  const probe = useQuery({
    queryKey: ['dev-tools'],
    queryFn: async () => (await api.GET('/v1/dev/customers')).response.ok,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return probe.data === true;
}
