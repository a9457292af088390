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
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

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

function ms(time: HistoryEvent['eventTime']): number {
  if (!time) return Number.NaN;
  return Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
}

type Row = Omit<Breakdown, 'workflows'>;

/** What a kind of task adds to: how many, time queued (scheduled → started), running (→ completed). */
interface TaskFigures {
  count: keyof Row;
  queueMs: keyof Row;
  runMs: keyof Row;
}

const WORKFLOW_TASKS: TaskFigures = { count: 'workflowTasks', queueMs: 'wftQueueMs', runMs: 'wftRunMs' };
const ACTIVITIES: TaskFigures = { count: 'activities', queueMs: 'activityQueueMs', runMs: 'activityRunMs' };

/** The events that start a task, by the kind of task they start. */
const STARTS = new Map([
  [E.EVENT_TYPE_WORKFLOW_TASK_STARTED, WORKFLOW_TASKS],
  [E.EVENT_TYPE_ACTIVITY_TASK_STARTED, ACTIVITIES],
]);
/** The events that complete a task, by the kind of task they complete. */
const COMPLETIONS = new Map([
  [E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, WORKFLOW_TASKS],
  [E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, ACTIVITIES],
]);
/** A task's start names the event that scheduled it; its completion, the event that started it. */
const startOf = (e: HistoryEvent) =>
  e.workflowTaskStartedEventAttributes ?? e.activityTaskStartedEventAttributes;
const completionOf = (e: HistoryEvent) =>
  e.workflowTaskCompletedEventAttributes ?? e.activityTaskCompletedEventAttributes;

/** A run's figures before its first event. */
const NOTHING_YET: Row = {
  totalMs: 0,
  events: 0,
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

/** One run's figures from its history's events. */
function runRow(events: HistoryEvent[]): Row {
  const at = new Map<number, number>();
  const row: Row = { ...NOTHING_YET, events: events.length };
  let busyUntil: number | undefined;
  for (const event of events) {
    const t = ms(event.eventTime);
    at.set(Number(event.eventId), t);
    /** The time since the earlier event this one names. */
    const since = (eventId: Long | null | undefined) => t - (at.get(Number(eventId)) ?? t);
    const type = event.eventType ?? E.EVENT_TYPE_UNSPECIFIED;
    const started = STARTS.get(type);
    const completed = COMPLETIONS.get(type);
    if (started) {
      row[started.count]++;
      row[started.queueMs] += since(startOf(event)?.scheduledEventId);
    } else if (completed) {
      row[completed.runMs] += since(completionOf(event)?.startedEventId);
      busyUntil = t;
    } else if (type === E.EVENT_TYPE_MARKER_RECORDED) {
      row.markers++;
    } else if (type === E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) {
      row.upserts++;
    } else if (type === E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED && busyUntil !== undefined) {
      // Idle from the end of the last task (the run waiting) to the technician's report.
      row.signalWaitMs += Math.max(0, t - busyUntil);
    }
  }
  row.totalMs = ms(events[events.length - 1]?.eventTime) - ms(events[0]?.eventTime);
  row.otherMs =
    row.totalMs - row.wftQueueMs - row.wftRunMs - row.activityQueueMs - row.activityRunMs - row.signalWaitMs;
  return row;
}

export async function historyBreakdown(client: Client, workflowIds: string[]): Promise<Breakdown> {
  const rows: Row[] = [];
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    rows.push(runRow(history.events ?? []));
  }
  const figures = Object.keys(NOTHING_YET) as Array<keyof Row>;
  const p50 = (figure: keyof Row) => distribution(rows.map((r) => r[figure])).p50;
  return { workflows: rows.length, ...(Object.fromEntries(figures.map((f) => [f, p50(f)])) as Row) };
}
