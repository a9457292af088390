import { WorkflowNotFoundError } from '@temporalio/client';
import { ontReplacedSignal } from '../../contracts/upgrade';
import { jakartaDateOf } from '../../domain/calendar';
import { inRunTrace } from '../../platform/telemetry/run-trace';
import { appointmentsByWorkOrder, currentAppointment } from '../../services/appointments';
import { jobCard, vendorVisits } from '../../services/technician-visits';
import { assertVendorsWorkOrder, vendorOf } from '../access';
import { ok, operationsOf, problem } from '../operation';
import { conflict, HttpProblem, notFound, unprocessable } from '../problem';
import { OntReplacementBody, TechnicianVisitsQuery } from '../schemas';

const operation = operationsOf('Technician');

/** For the installer vendor's technicians: their day's visits, a job card, and the swap's report. */
export const TECHNICIAN = [
  operation({
    operationId: 'listTechnicianVisits',
    route: 'GET /v1/technician/visits',
    summary: 'The vendor’s visits of a day, by slot, and the work orders still to be booked',
    description:
      'The technician’s installer vendor (the token’s `vendor` claim) only: its maintenance WOs with a visit on the day (booked, missed or done), by slot, then those with no visit booked. Filtered by area (FAT-JKT-… → JKT).',
    access: 'technician',
    query: TechnicianVisitsQuery,
    responses: { 200: ok('the day’s visits', 'TechnicianVisitList') },
    handler: ({ query, res }, { db }) =>
      vendorVisits(db, {
        vendor: vendorOf(res),
        date: query.date ?? jakartaDateOf(new Date()),
        area: query.area ?? null,
      }),
  }),
  operation({
    operationId: 'getJobCard',
    route: 'GET /v1/technician/work-orders/{woNumber}',
    summary: 'A maintenance work order as its job card (the WO Maintenance form)',
    description:
      'Customer, homepass, FAT code and port, job description, the visit and its history, the ONT at the customer’s now. Another vendor’s work order answers 404.',
    access: 'technician',
    responses: {
      200: ok('the job card', 'JobCard'),
      404: problem('no such work order (or another vendor’s)'),
      409: problem('not a maintenance WO (NOT_MAINTENANCE)'),
    },
    handler: async ({ params: { woNumber }, res }, { db }) => {
      const found = await jobCard(db, woNumber);
      if (!found) throw notFound(`work order ${woNumber} does not exist`);
      assertVendorsWorkOrder(res, found.workOrder, woNumber);
      if (!found.card) {
        throw conflict(`work order ${woNumber} is an ${found.workOrder.type} order, not an ONT swap`, {
          reason: 'NOT_MAINTENANCE',
        });
      }
      return found.card;
    },
  }),
  operation({
    operationId: 'reportOntReplacement',
    route: 'POST /v1/technician/work-orders/{woNumber}/ont-replacement',
    summary: 'Report that the ONT of a maintenance work order was swapped',
    description:
      'Signals the waiting upgrade; it then updates the ONT, closes the ticket and WO and notifies.',
    access: 'technician',
    body: {
      name: 'OntReplacementReport',
      schema: OntReplacementBody,
      example: {
        newOntSerial: 'ZTEGD8A1B2C3',
        newOntModel: 'ZTE F670L',
        band: 'DUAL',
        technician: 'Budi (MISITEL)',
        replacedAt: '2025-11-24T10:00:00+07:00',
      },
    },
    responses: {
      202: ok('the report reached the upgrade', 'OntReplacementAccepted'),
      404: problem('no such work order (or another vendor’s)'),
      409: problem(
        'not a maintenance WO (NOT_MAINTENANCE), already closed or its run ended (WORK_ORDER_CLOSED), the ONT belongs elsewhere (ONT_ALREADY_REGISTERED), or a visit is booked for a later day and the body does not say "early": true (BEFORE_VISIT)',
      ),
      422: problem('the new ONT is not dual band (NOT_DUAL_BAND)'),
      503: problem('Temporal did not take the report; nothing changed, try again'),
    },
    handler: async ({ params: { woNumber }, body, res }, { db, temporal, logger }) => {
      const workOrder = await db.workOrder.findUnique({ where: { woNumber } });
      if (!workOrder) throw notFound(`work order ${woNumber} does not exist`);
      assertVendorsWorkOrder(res, workOrder, woNumber);
      if (workOrder.type !== 'MAINTENANCE') {
        throw conflict(`work order ${woNumber} is an ${workOrder.type} order, not an ONT swap`, {
          reason: 'NOT_MAINTENANCE',
        });
      }
      const { upgradeId } = workOrder;
      if (workOrder.status !== 'REPLACING' || !upgradeId) {
        const why = workOrder.cancelReason ? ` (${workOrder.cancelReason})` : '';
        throw conflict(`work order ${woNumber} is already ${workOrder.status}${why}`, {
          reason: 'WORK_ORDER_CLOSED',
        });
      }
      if (body.band !== 'DUAL') {
        throw unprocessable('the new ONT must be dual band for the upgraded package', {
          reason: 'NOT_DUAL_BAND',
        });
      }
      if (!body.early) {
        const visit = currentAppointment((await appointmentsByWorkOrder(db, [woNumber])).get(woNumber) ?? []);
        if (visit?.status === 'BOOKED' && jakartaDateOf(new Date()) < visit.date) {
          throw conflict(
            `the visit is booked for ${visit.date} (${visit.slot}); a swap reported before that day needs "early": true`,
            { reason: 'BEFORE_VISIT' },
          );
        }
      }
      const device = await db.ontDevice.findUnique({ where: { serial: body.newOntSerial } });
      if (device && device.upgradeId !== upgradeId) {
        throw conflict(`ONT ${body.newOntSerial} is already registered`, {
          reason: 'ONT_ALREADY_REGISTERED',
        });
      }
      try {
        const run = temporal.workflow.getHandle(upgradeId);
        await inRunTrace(run, 'ONT swap reported', () =>
          run.signal(ontReplacedSignal, {
            workOrderNumber: woNumber,
            newOntSerial: body.newOntSerial,
            newOntModel: body.newOntModel,
            band: 'DUAL',
            technician: body.technician ?? null,
            replacedAt: body.replacedAt ? new Date(body.replacedAt).toISOString() : new Date().toISOString(),
          }),
        );
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          throw conflict(`the upgrade of work order ${woNumber} is no longer running`, {
            reason: 'WORK_ORDER_CLOSED',
          });
        }
        logger.error({ err: error, woNumber }, 'could not signal the upgrade run');
        throw new HttpProblem(
          503,
          'Service Unavailable',
          'the report could not be delivered; please try again',
        );
      }
      res.status(202);
      return {
        workOrderNumber: woNumber,
        upgradeId,
        status: 'ACCEPTED',
        links: { upgrade: `/v1/upgrades/${upgradeId}` },
      };
    },
  }),
];
