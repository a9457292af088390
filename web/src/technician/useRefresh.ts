import { useQueryClient } from '@tanstack/react-query';

/** After an action on a work order: its job card, the day lists and its free slots are read again. */
export function useRefreshWorkOrder(woNumber: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['job-card', woNumber] });
    void queryClient.invalidateQueries({ queryKey: ['technician-visits'] });
    void queryClient.invalidateQueries({ queryKey: ['slots', woNumber] });
  };
}
