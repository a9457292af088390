import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { historyBreakdown } from '../../../scripts/bench/history';

const E = temporal.api.enums.v1.EventType;
type Event = temporal.api.history.v1.IHistoryEvent;

/** The events of a task of each kind: scheduled, started, completed. */
const TASK_EVENTS = {
  workflowTask: [
    E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
    E.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  ],
  activityTask: [
    E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
    E.EVENT_TYPE_ACTIVITY_TASK_STARTED,
    E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
  ],
} as const;

/**
 * A run's history, event by event (ids from 1, times in ms; numbers where Temporal has Longs); a
 * task's events name the ones before them.
 */
class History {
  readonly events: Event[] = [];

  add(eventType: temporal.api.enums.v1.EventType, at: number, attributes: object = {}): number {
    const eventId = this.events.length + 1;
    const eventTime = { seconds: Math.floor(at / 1000), nanos: (at % 1000) * 1e6 };
    this.events.push({ eventId, eventType, eventTime, ...attributes } as unknown as Event);
    return eventId;
  }

  task(kind: keyof typeof TASK_EVENTS, scheduledAt: number, startedAt: number, completedAt: number): this {
    const [scheduled, started, completed] = TASK_EVENTS[kind];
    const scheduledEventId = this.add(scheduled, scheduledAt);
    const startedEventId = this.add(started, startedAt, {
      [`${kind}StartedEventAttributes`]: { scheduledEventId },
    });
    this.add(completed, completedAt, { [`${kind}CompletedEventAttributes`]: { startedEventId } });
    return this;
  }
}

const clientOf = (histories: Record<string, History>) =>
  ({
    workflow: {
      getHandle: (id: string) => ({ fetchHistory: async () => ({ events: histories[id]!.events }) }),
    },
  }) as unknown as Client;

describe('where an upgrade’s time goes (the bench’s history breakdown)', () => {
  it('splits a run into tasks queued and running, the technician wait and the rest', async () => {
    const run = new History();
    run.add(E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 1000);
    run.task('workflowTask', 1000, 1010, 1030).task('activityTask', 1030, 1045, 1095);
    run.add(E.EVENT_TYPE_MARKER_RECORDED, 1100);
    run.add(E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, 1100);
    run.add(E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, 1300);
    run.task('workflowTask', 1300, 1302, 1330);
    run.add(E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 1340);

    expect(await historyBreakdown(clientOf({ run }), ['run'])).toEqual({
      workflows: 1,
      totalMs: 340,
      events: 14,
      markers: 1,
      upserts: 1,
      workflowTasks: 2,
      activities: 1,
      wftQueueMs: 10 + 2,
      wftRunMs: 20 + 28,
      activityQueueMs: 15,
      activityRunMs: 50,
      // From the end of the last task (the activity's completion) to the signal.
      signalWaitMs: 205,
      otherMs: 340 - 12 - 48 - 15 - 50 - 205,
    });
  });

  it('takes the median run of several', async () => {
    const lasting = (ms: number) => {
      const run = new History();
      run.add(E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0);
      run.add(E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, ms);
      return run;
    };
    const runs = { a: lasting(10), b: lasting(30), c: lasting(20) };
    expect(await historyBreakdown(clientOf(runs), ['a', 'b', 'c'])).toMatchObject({
      workflows: 3,
      totalMs: 20,
      otherMs: 20,
      workflowTasks: 0,
    });
  });
});
