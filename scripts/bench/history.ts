/**
 * Where an upgrade's time goes, read from its Temporal history: waiting in the task queue for a
 * workflow task or an activity (schedule → start: worker slots, pollers, server dispatch),
 * running workflow tasks (start → complete: workflow code, the worker's isolate) and running
 * activities (start → complete: our code and the database). The rest is the server persisting
 * and dispatching between tasks, and, for scenario B, waiting for the technician's report.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { distribution } from './stats';

const E = temporal.api.enums.v1.EventType;

export interface Breakdown {
  workflows: number;
  /** Per upgrade, p50 over the sampled runs (ms); `count` values are per upgrade too. */
  totalMs: number;
  /** History events per run, and of them local-activity markers and search-attribute upserts. */
  events: number;
  markers: number;
  upserts: number;
  workflowTasks: number;
  activities: number;
  wftQueueMs: number;
  wftRunMs: number;
  activityQueueMs: number;
  activityRunMs: number;
  signalWaitMs: number;
  otherMs: number;
}

function ms(time: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  if (!time) return Number.NaN;
  return Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
}

export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<Breakdown> {
  const rows: Array<Omit<Breakdown, 'workflows'>> = [];
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const events = history.events ?? [];
    const at = new Map<number, number>();
    const row = {
      totalMs: 0,
      events: events.length,
      markers: 0,
      upserts: 0,
      workflowTasks: 0,
      activities: 0,
      wftQueueMs: 0,
      wftRunMs: 0,
      activityQueueMs: 0,
      activityRunMs: 0,
      signalWaitMs: 0,
      otherMs: 0,
    };
    let busyUntil: number | undefined;
    for (const event of events) {
      const t = ms(event.eventTime);
      at.set(Number(event.eventId), t);
      switch (event.eventType) {
        case E.EVENT_TYPE_MARKER_RECORDED:
          row.markers++;
          break;
        case E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
          row.upserts++;
          break;
        case E.EVENT_TYPE_WORKFLOW_TASK_STARTED:
          row.workflowTasks++;
          row.wftQueueMs +=
            t - (at.get(Number(event.workflowTaskStartedEventAttributes?.scheduledEventId)) ?? t);
          break;
        case E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
          row.wftRunMs +=
            t - (at.get(Number(event.workflowTaskCompletedEventAttributes?.startedEventId)) ?? t);
          busyUntil = t;
          break;
        case E.EVENT_TYPE_ACTIVITY_TASK_STARTED:
          row.activities++;
          row.activityQueueMs +=
            t - (at.get(Number(event.activityTaskStartedEventAttributes?.scheduledEventId)) ?? t);
          break;
        case E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
          row.activityRunMs +=
            t - (at.get(Number(event.activityTaskCompletedEventAttributes?.startedEventId)) ?? t);
          busyUntil = t;
          break;
        case E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
          // Idle from the end of the last task (the run waiting) to the technician's report.
          if (busyUntil !== undefined) row.signalWaitMs += Math.max(0, t - busyUntil);
          break;
      }
    }
    const first = ms(events[0]?.eventTime);
    const last = ms(events[events.length - 1]?.eventTime);
    row.totalMs = last - first;
    row.otherMs =
      row.totalMs -
      row.wftQueueMs -
      row.wftRunMs -
      row.activityQueueMs -
      row.activityRunMs -
      row.signalWaitMs;
    rows.push(row);
  }
  const p50 = (pick: (r: Omit<Breakdown, 'workflows'>) => number) => distribution(rows.map(pick)).p50;
  return {
    workflows: rows.length,
    totalMs: p50((r) => r.totalMs),
    events: p50((r) => r.events),
    markers: p50((r) => r.markers),
    upserts: p50((r) => r.upserts),
    workflowTasks: p50((r) => r.workflowTasks),
    activities: p50((r) => r.activities),
    wftQueueMs: p50((r) => r.wftQueueMs),
    wftRunMs: p50((r) => r.wftRunMs),
    activityQueueMs: p50((r) => r.activityQueueMs),
    activityRunMs: p50((r) => r.activityRunMs),
    signalWaitMs: p50((r) => r.signalWaitMs),
    otherMs: p50((r) => r.otherMs),
  };
}
