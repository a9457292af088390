/** The technician's reads, through the typed query hooks (the key: method, path, parameters). */
import { $api } from '../api/client';

export const useVisits = (date: string, area: string | null) =>
  $api.useQuery(
    'get',
    '/v1/technician/visits',
    { params: { query: { date, ...(area ? { area } : {}) } } },
    // The customer may move a visit, another technician book one: the list follows.
    { refetchInterval: 10_000 },
  );

export const useJobCard = (woNumber: string) =>
  $api.useQuery(
    'get',
    '/v1/technician/work-orders/{woNumber}',
    { params: { path: { woNumber } } },
    { refetchInterval: 5_000 },
  );
