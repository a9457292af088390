/** The technician's reads, one query key each, through the typed client. */
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';

export function useVisits(date: string, area: string | null) {
  return useQuery({
    queryKey: ['technician-visits', date, area],
    queryFn: () =>
      must(api.GET('/v1/technician/visits', { params: { query: { date, ...(area ? { area } : {}) } } })),
    // The customer may move a visit, another technician book one: the list follows.
    refetchInterval: 10_000,
  });
}

export function useJobCard(woNumber: string) {
  return useQuery({
    queryKey: ['job-card', woNumber],
    queryFn: () => must(api.GET('/v1/technician/work-orders/{woNumber}', { params: { path: { woNumber } } })),
    refetchInterval: 5_000,
  });
}

export function useFreeSlots(woNumber: string, enabled: boolean) {
  return useQuery({
    queryKey: ['slots', woNumber],
    queryFn: () =>
      must(
        api.GET('/v1/work-orders/{woNumber}/available-slots', {
          params: { path: { woNumber }, query: { days: 7 } },
        }),
      ),
    enabled,
  });
}
