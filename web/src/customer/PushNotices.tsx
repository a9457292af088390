/**
 * What a device push said, shown as a notification while the app is open: the app polls the
 * pushes the provider took after the last one it has seen (kept per tab), and shows each new one
 * for a while, with a link to the screen its deep link names.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { appPathOf } from '../lib/deep-links';
import { useCustomerId } from './queries';

type Push = Schemas['DeviceNotification'];
const SHOW_MS = 10_000;
/** Pushes shown at once: the newest; older ones stay in the inbox. */
const AT_ONCE = 2;

export function PushNotices() {
  const customerId = useCustomerId();
  const key = `oxygen.lastPush.${customerId}`;
  const [after, setAfter] = useState<number | null>(() => {
    const kept = sessionStorage.getItem(key);
    return kept === null ? null : Number(kept);
  });
  const [shown, setShown] = useState<Push[]>([]);
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
    if (after !== null) setShown((current) => [...current, ...list]);
    setAfter(last);
  }, [pushes.data, after, key]);
  useEffect(() => {
    if (!shown.length) return;
    const timer = setTimeout(() => setShown((current) => current.slice(1)), SHOW_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  return (
    <section className="pushes" aria-live="polite" aria-label="Notifikasi perangkat">
      {shown.slice(-AT_ONCE).map((push) => {
        const to = appPathOf(push.deepLink);
        return (
          <div className="push" key={push.id}>
            <p className="push-title">{push.title}</p>
            <p className="push-body">{push.body}</p>
            <div className="push-actions">
              {to ? (
                <Link to={to} onClick={() => setShown((c) => c.filter((p) => p.id !== push.id))}>
                  Lihat
                </Link>
              ) : null}
              <button
                type="button"
                className="link-button"
                onClick={() => setShown((c) => c.filter((p) => p.id !== push.id))}
              >
                Tutup
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
