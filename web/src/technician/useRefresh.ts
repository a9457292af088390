import { useQueryClient } from '@tanstack/react-query';

/** After an action on a work order: its job card, the day lists and its free slots are read again. */
export function useRefreshWorkOrder(woNumber: string) {
  const queryClient = useQueryClient();
  const ofWorkOrder = { params: { path: { woNumber } } };
  return () => {
    void queryClient.invalidateQueries({
      queryKey: ['get', '/v1/technician/work-orders/{woNumber}', ofWorkOrder],
    });
    void queryClient.invalidateQueries({
      queryKey: ['get', '/v1/technician/visits'],
    });
    void queryClient.invalidateQueries({
      queryKey: ['get', '/v1/work-orders/{woNumber}/available-slots', ofWorkOrder],
    });
  };
}
