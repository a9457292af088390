/**
 * Every operation the app serves, in the order of the document: the routers' declarations and the
 * document's own two (/openapi.json, /docs). app.ts mounts them, api/openapi.ts documents them.
 */
import { renderDocsPage } from '../documents/api-reference';
import type { OpenApiDocument } from '../platform/http/openapi';
import { buildOpenApiDocument } from './openapi';
import { type Operation, ok, operationsOf } from './operation';
import { BILLS } from './routes/bills';
import { CATALOG } from './routes/catalog';
import { CUSTOMER_SERVICE } from './routes/customer-service';
import { CUSTOMERS } from './routes/customers';
import { DEVELOPER } from './routes/developer';
import { HEALTH } from './routes/health';
import { NOTIFICATIONS } from './routes/notifications';
import { OPS } from './routes/ops';
import { PAYMENTS } from './routes/payments';
import { SIGN_IN } from './routes/sign-in';
import { TECHNICIAN } from './routes/technician';
import { UPGRADES } from './routes/upgrades';
import { VISITS } from './routes/visits';

// ---- the document's own operations, and every operation in the order of the document -----------

const system = operationsOf('System');
let published: { document: OpenApiDocument; page: string } | undefined;
const contract = () => {
  if (!published) {
    const document = buildOpenApiDocument(OPERATIONS);
    published = { document, page: renderDocsPage(document) };
  }
  return published;
};

export const OPERATIONS: Operation[] = [
  ...HEALTH,
  system({
    operationId: 'getOpenApiDocument',
    route: 'GET /openapi.json',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the schemas the routes validate with.',
    access: 'public',
    responses: { 200: ok('the document', 'OpenApiDocument') },
    handler: () => contract().document,
  }),
  system({
    operationId: 'getDocsPage',
    route: 'GET /docs',
    summary: 'This document as a web page',
    description: 'A static page rendered from /openapi.json (no script, no CDN).',
    access: 'public',
    responses: { 200: ok('the page', 'html') },
    handler: ({ res }) => {
      res.type('text/html; charset=utf-8').send(contract().page);
    },
  }),
  ...SIGN_IN,
  ...CATALOG,
  ...CUSTOMERS,
  ...BILLS,
  ...UPGRADES,
  ...TECHNICIAN,
  ...VISITS,
  ...PAYMENTS,
  ...NOTIFICATIONS,
  ...OPS,
  ...CUSTOMER_SERVICE,
  ...DEVELOPER,
];
