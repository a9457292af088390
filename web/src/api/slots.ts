import { $api } from './client';

/** A work order's free visit slots over the next `days` (each app its own horizon), read while `enabled`. */
export const useFreeSlots = (woNumber: string, days: number, enabled = true) =>
  $api.useQuery(
    'get',
    '/v1/work-orders/{woNumber}/available-slots',
    { params: { path: { woNumber }, query: { days } } },
    { enabled },
  );
