import { OntReplacementBody, TechnicianVisitsQuery } from '../../contracts/requests';
import { jakartaDateOf } from '../../domain/calendar';
import { jobCard, vendorVisits } from '../../services/technician-visits';
import { reportOntSwap } from '../../services/visit-requests';
import { principalOf, readCustomer, showingCustomer, vendorOf } from '../access';
import { ok, operationsOf, refusals, UNAVAILABLE } from '../operation';

const operation = operationsOf('Technician');

/**
 * For the installer vendor's technicians: their day's visits, a job card, and the swap's report.
 * The customers a list or a card shows are in the access record, as staff reads.
 */
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
    handler: async ({ query, res }, { db }) => {
      const list = await vendorVisits(db, {
        vendor: vendorOf(res),
        date: query.date ?? jakartaDateOf(new Date()),
        area: query.area ?? null,
      });
      readCustomer(res, ...list.visits.map((visit) => visit.customer.id));
      return list;
    },
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
      ...refusals('UNKNOWN_WORK_ORDER', 'NOT_MAINTENANCE'),
    },
    handler: async ({ params: { woNumber }, res }, { db }) =>
      showingCustomer(res, await jobCard(db, woNumber, vendorOf(res))),
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
      ...refusals(
        'UNKNOWN_WORK_ORDER',
        'NOT_MAINTENANCE',
        'WORK_ORDER_CLOSED',
        'ONT_ALREADY_REGISTERED',
        'BEFORE_VISIT',
        'NOT_DUAL_BAND',
      ),
      503: UNAVAILABLE,
    },
    handler: async ({ params: { woNumber }, body, res }, deps) => {
      const { replacedAt, technician, early, ...ont } = body;
      const answer = await reportOntSwap(
        deps,
        woNumber,
        {
          ...ont,
          // Who did it, as the report names them, else as their identity provider does.
          technician: technician ?? principalOf(res).name ?? null,
          replacedAt: (replacedAt ? new Date(replacedAt) : new Date()).toISOString(),
          early: early ?? false,
        },
        { vendor: vendorOf(res) },
      );
      res.status(202);
      return answer;
    },
  }),
];
