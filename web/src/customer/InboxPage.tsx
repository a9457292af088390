import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, must, type Schemas } from '../api/client';
import { appPathOf } from '../lib/deep-links';
import { formatInstant } from '../lib/format';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { READS, useCustomerId, useInbox } from './queries';

type Item = Schemas['InboxItem'];

/** Unread first, then newest first (the API answers newest first). */
export const inboxOrder = (items: Item[]) =>
  [...items].sort(
    (a, b) => Number(a.read) - Number(b.read) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );

/** Notifikasi Inbox: the notices, unread first; opening one marks it read and follows its link. */
export function InboxPage() {
  const customerId = useCustomerId();
  const inbox = useInbox();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: (notificationId: number) =>
      must(
        api.POST('/v1/customers/{customerId}/inbox/{notificationId}/read', {
          params: {
            path: { customerId, notificationId: String(notificationId) },
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: READS.inbox });
      void queryClient.invalidateQueries({ queryKey: READS.home });
    },
  });
  const open = async (item: Item) => {
    if (!item.read) await markRead.mutateAsync(item.id).catch(() => undefined);
    const to = appPathOf(item.deepLink);
    if (to) navigate(to);
  };
  return (
    <Page title="Notifikasi">
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ErrorNotice error={inbox.error} /> : null}
      {markRead.isError ? <ErrorNotice error={markRead.error} /> : null}
      {inbox.data && inbox.data.notifications.length === 0 ? <p>Belum ada notifikasi.</p> : null}
      <ul className="inbox">
        {inboxOrder(inbox.data?.notifications ?? []).map((item) => (
          <li key={item.id} className={`inbox-item${item.read ? '' : ' unread'}`}>
            <button type="button" className="inbox-open" onClick={() => void open(item)}>
              <span className="inbox-title">
                {item.read ? null : <span className="dot">Baru · </span>}
                {item.title}
              </span>
              <span className="inbox-body">{item.body}</span>
              <time className="small" dateTime={item.createdAt}>
                {formatInstant(item.createdAt)}
              </time>
            </button>
            {item.read ? null : (
              <button type="button" className="link-button" onClick={() => markRead.mutate(item.id)}>
                Tandai dibaca
                <span className="visually-hidden">: {item.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}
