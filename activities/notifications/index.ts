/**
 * Customer notices: device push, in-app inbox and (for most) email, one activity per notice kind.
 * What each notice loads and says: notices.ts (the copy, over loaders.ts); how it is sent exactly
 * once per channel: delivery.ts.
 */
import { NOTICE_KIND_LIST, NOTICE_KINDS, type NoticeKind } from '../../contracts/notifications';
import type { EmailPropsMap } from '../../emails/render';
import { deliverNotice } from './delivery';
import type { NoticeInput, NotificationDeliverySummary, NotificationDependencies } from './inputs';
import { type InputOf, NOTICES, type NoticeSpec } from './notices';

export type * from './inputs';

/** One activity per notice, named in contracts/notifications.ts, taking the input its entry reads. */
export type NoticeActivities = {
  [K in NoticeKind as (typeof NOTICE_KINDS)[K]['activity']]: (
    input: InputOf<K>,
  ) => Promise<NotificationDeliverySummary>;
};

export function createNotificationActivities(deps: NotificationDependencies) {
  const activities: Record<string, (input: NoticeInput) => Promise<NotificationDeliverySummary>> = {};
  for (const kind of NOTICE_KIND_LIST) {
    const spec = NOTICES[kind] as NoticeSpec<NoticeInput, unknown, keyof EmailPropsMap>;
    activities[NOTICE_KINDS[kind].activity] = (input) =>
      deliverNotice(deps, kind, spec, spec.keyScope ? { ...input, keyScope: spec.keyScope(input) } : input);
  }
  return activities as unknown as NoticeActivities;
}
