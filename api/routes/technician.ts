import { OntReplacementBody } from '../../contracts/requests';
import { reportOntSwap } from '../../services/visit-requests';
import { ok, operationsOf, refusals, UNAVAILABLE } from '../operation';

const operation = operationsOf('Technician');

/** For the installer vendor's technicians: report that the ONT of a maintenance WO was swapped. */
export const TECHNICIAN = [
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
      const answer = await reportOntSwap(deps, woNumber, {
        ...ont,
        technician: technician ?? null,
        replacedAt: (replacedAt ? new Date(replacedAt) : new Date()).toISOString(),
        early: early ?? false,
      });
      res.status(202);
      return answer;
    },
  }),
];
