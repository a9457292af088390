/**
 * What a device push said, shown as a notification while the app is open: the app polls the
 * pushes the provider took after the last one it has seen (kept per tab), and shows the newest
 * for a while, with a link to the screen its deep link names. One at a time (the older ones are in
 * the inbox), in the page's flow under the top bar (never over the screen's title), and gone when
 * the customer moves to another screen. Each new push is also an inbox notice: the unread count
 * (home) and the inbox are read again at once.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { appPathOf } from '../lib/deep-links';
import { READS, useCustomerId } from './queries';

type Push = Schemas['DeviceNotification'];
const SHOW_MS = 10_000;

export function PushNotices() {
  const customerId = useCustomerId();
  const key = `oxygen.lastPush.${customerId}`;
  const [after, setAfter] = useState<number | null>(() => {
    const kept = sessionStorage.getItem(key);
    return kept === null ? null : Number(kept);
  });
  const [shown, setShown] = useState<Push | null>(null);
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const pushes = useQuery({
    queryKey: ['pushes', customerId, after],
    queryFn: () =>
      must(
        api.GET('/v1/customers/{customerId}/device-notifications', {
          params: { path: { customerId }, query: { after: after ?? 0, limit: 50 } },
        }),
      ),
    refetchInterval: 2_000,
  });
  useEffect(() => {
    const list = pushes.data?.notifications;
    if (!list?.length) {
      if (after === null && pushes.data) setAfter(0);
      return;
    }
    const last = list[list.length - 1]!.id;
    sessionStorage.setItem(key, String(last));
    // The first look only learns where we are: pushes from before the app was opened are not news.
    if (after !== null) {
      setShown(list[list.length - 1]!);
      void queryClient.invalidateQueries({ queryKey: READS.home });
      void queryClient.invalidateQueries({ queryKey: READS.inbox });
    }
    setAfter(last);
  }, [pushes.data, after, key, queryClient]);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  // A push belongs to the screen it arrived on: another screen starts without it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the path changes
  useEffect(() => setShown(null), [pathname]);
  const push = shown;
  const to = push ? appPathOf(push.deepLink) : null;
  return (
    <section className="pushes" aria-live="polite" aria-label="Notifikasi perangkat">
      {push ? (
        <div className="push" key={push.id}>
          <p className="push-title">{push.title}</p>
          <p className="push-body">{push.body}</p>
          <div className="push-actions">
            {to ? (
              <Link to={to} onClick={() => setShown(null)}>
                Lihat
              </Link>
            ) : null}
            <button type="button" className="link-button" onClick={() => setShown(null)}>
              Tutup
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
