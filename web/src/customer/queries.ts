/** The customer's reads, one query key each, through the typed client. */
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { useSession } from '../auth';
import { isInFlight } from '../lib/steps';

/** The signed-in customer's ID (the customer area is only rendered for a customer session). */
export function useCustomerId(): string {
  return useSession()?.subject ?? '';
}

const path = (customerId: string) => ({ params: { path: { customerId } } });

export function useHome() {
  const customerId = useCustomerId();
  return useQuery({
    queryKey: ['home', customerId],
    queryFn: () => must(api.GET('/v1/customers/{customerId}/home', path(customerId))),
    // While an upgrade runs, its steps are followed live.
    refetchInterval: (query) =>
      query.state.data?.pendingUpgrade && isInFlight(query.state.data.pendingUpgrade.status) ? 2_000 : false,
  });
}

export function useBills() {
  const customerId = useCustomerId();
  return useQuery({
    queryKey: ['bills', customerId],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/bills', {
          params: { path: { customerId }, query: { pageSize: 50 } },
        }),
      ),
  });
}

export function useInbox() {
  const customerId = useCustomerId();
  return useQuery({
    queryKey: ['inbox', customerId],
    queryFn: () => must(api.GET('/v1/customers/{customerId}/inbox', path(customerId))),
    refetchInterval: 5_000,
  });
}

export function useUpgrade(upgradeId: string) {
  return useQuery({
    queryKey: ['upgrade', upgradeId],
    queryFn: () => must(api.GET('/v1/upgrades/{upgradeId}', { params: { path: { upgradeId } } })),
    refetchInterval: (query) => (query.state.data && !isInFlight(query.state.data.status) ? false : 2_000),
  });
}

export function usePackage(code: string) {
  return useQuery({
    queryKey: ['package', code],
    queryFn: () => must(api.GET('/v1/packages/{packageCode}', { params: { path: { packageCode: code } } })),
    staleTime: 60_000,
  });
}

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
