import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { historyBreakdown } from '../../../scripts/bench/history';

const E = temporal.api.enums.v1.EventType;
type Event = temporal.api.history.v1.IHistoryEvent;

/** A history from [type, ms, attributes] rows, numbered from 1. */
function historyOf(rows: Array<[temporal.api.enums.v1.EventType, number, Event?]>): Event[] {
  return rows.map(([eventType, at, attributes], i) => ({
    eventId: i + 1,
    eventType,
    eventTime: { seconds: Math.floor(at / 1000), nanos: (at % 1000) * 1e6 },
    ...attributes,
  })) as Event[];
}

const clientOf = (histories: Record<string, Event[]>) =>
  ({
    workflow: { getHandle: (id: string) => ({ fetchHistory: async () => ({ events: histories[id] }) }) },
  }) as unknown as Client;

describe('where an upgrade’s time goes (the bench’s history breakdown)', () => {
  it('splits a run into tasks queued and running, the technician wait and the rest', async () => {
    const events = historyOf([
      [E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 1000],
      [E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 1000],
      [
        E.EVENT_TYPE_WORKFLOW_TASK_STARTED,
        1010,
        { workflowTaskStartedEventAttributes: { scheduledEventId: 2 } },
      ],
      [
        E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        1030,
        { workflowTaskCompletedEventAttributes: { startedEventId: 3 } },
      ],
      [E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 1030],
      [
        E.EVENT_TYPE_ACTIVITY_TASK_STARTED,
        1045,
        { activityTaskStartedEventAttributes: { scheduledEventId: 5 } },
      ],
      [
        E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
        1095,
        { activityTaskCompletedEventAttributes: { startedEventId: 6 } },
      ],
      [E.EVENT_TYPE_MARKER_RECORDED, 1100],
      [E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, 1100],
      [E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, 1300],
      [E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, 1300],
      [
        E.EVENT_TYPE_WORKFLOW_TASK_STARTED,
        1302,
        { workflowTaskStartedEventAttributes: { scheduledEventId: 11 } },
      ],
      [
        E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
        1330,
        { workflowTaskCompletedEventAttributes: { startedEventId: 12 } },
      ],
      [E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 1340],
    ]);

    expect(await historyBreakdown(clientOf({ run: events }), ['run'])).toEqual({
      workflows: 1,
      totalMs: 340,
      events: 14,
      markers: 1,
      upserts: 1,
      workflowTasks: 2,
      activities: 1,
      wftQueueMs: 12,
      wftRunMs: 48,
      activityQueueMs: 15,
      activityRunMs: 50,
      // From the end of the last task (the activity's completion) to the signal.
      signalWaitMs: 205,
      otherMs: 340 - 12 - 48 - 15 - 50 - 205,
    });
  });

  it('takes the median run of several', async () => {
    const run = (ms: number) =>
      historyOf([
        [E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0],
        [E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, ms],
      ]);
    const breakdown = await historyBreakdown(clientOf({ a: run(10), b: run(30), c: run(20) }), [
      'a',
      'b',
      'c',
    ]);
    expect(breakdown).toMatchObject({ workflows: 3, totalMs: 20, otherMs: 20, workflowTasks: 0 });
  });
});
