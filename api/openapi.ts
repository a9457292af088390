/**
 * The OpenAPI 3.1 document the operations make (the registry: api/operations.ts): inputs from the
 * schemas the routes validate with (contracts/requests.ts), outputs from the response schemas of
 * contracts/views.ts, the answers of access and validation added by kind (the generic part:
 * platform/http/openapi.ts). Nothing in it is written by hand twice; /openapi.json and /docs serve it.
 */
import { FieldError, Problem } from '../contracts/problem';
import { RESPONSE_SCHEMAS } from '../contracts/views';
import {
  components,
  type OpenApiDocument,
  type OpenApiOperation,
  parameter,
  queryParameters,
  REF,
  type ResponseSpec,
  response,
} from '../platform/http/openapi';
import { ACCESS } from './access';
import { type Operation, problem, queryOf } from './operation';
import { rateLimitOf } from './rate-limits';

const TAGS = [
  { name: 'System', description: 'Health and this contract. Public.' },
  { name: 'Catalog', description: 'Packages and their terms.' },
  { name: 'Customers', description: 'What the Selfcare app shows a customer.' },
  {
    name: 'Upgrades',
    description: 'The packages a customer may upgrade to; quote, start and follow an upgrade.',
  },
  { name: 'Bills', description: 'Bills and the printable Billing Statement.' },
  { name: 'Notifications', description: 'The in-app inbox.' },
  { name: 'Technician', description: 'The installer vendor’s technician API.' },
  {
    name: 'Payments',
    description:
      'Paying a bill through Midtrans: payment attempts (VA, QRIS) and Midtrans’s signed notifications.',
  },
  {
    name: 'Visits',
    description:
      'The technician’s visit for an ONT swap: free slots, booking by the vendor, moves by the customer, missed visits.',
  },
  { name: 'Operations', description: 'Billing App / CRM views for operators.' },
  {
    name: 'Customer service',
    description: 'The customer-service console: find a customer, read, and act for them (audit trail).',
  },
  { name: 'Developer', description: 'Local tools, absent in production.' },
];

const INVALID = problem(
  'invalid input: every wrong parameter or field is listed in `errors`; unknown ones too',
);
const UNAUTHORIZED: ResponseSpec = {
  description:
    'no bearer token, a malformed Authorization header, or a token invalid, expired, of an untrusted issuer or key, or for another audience',
  body: 'Problem',
  headers: {
    'WWW-Authenticate': {
      description:
        'Bearer realm="oxygen-selfcare", with error="invalid_token" and error_description when a token came (RFC 6750)',
      required: true,
    },
  },
};

/**
 * The handler's answers, those of validation (400; 413 and 415 with a JSON body) and those of its
 * access kind (401, 403, 404); a status given twice keeps both reasons.
 */
function responsesOf(op: Operation): Record<number, ResponseSpec> {
  const merged: Record<number, ResponseSpec> = queryOf(op) || op.body ? { 400: INVALID } : {};
  if (op.body) merged[413] = problem('the JSON body is larger than 16 kB');
  if (op.body) merged[415] = problem('the body uses an unsupported charset or content encoding');
  Object.assign(merged, op.responses);
  const access: Record<number, ResponseSpec> =
    op.access === 'public'
      ? {}
      : op.access === 'payment-gateway'
        ? { 401: problem('`signature_key` missing or not Midtrans’s for this body') }
        : { 401: UNAUTHORIZED };
  for (const [status, description] of Object.entries(ACCESS[op.access].answers)) {
    access[Number(status)] = problem(description);
  }
  for (const [status, spec] of Object.entries(access)) {
    const own = merged[Number(status)];
    merged[Number(status)] = own
      ? { ...spec, ...own, description: `${own.description}; or ${spec.description}` }
      : spec;
  }
  return withRateLimit(op, merged);
}

/**
 * A rate-limited operation (api/rate-limits.ts) answers 429 past its budget, and every answer
 * that passed the limiter says what is left of it (IETF draft 8 `RateLimit`, `RateLimit-Policy`).
 */
function withRateLimit(op: Operation, responses: Record<number, ResponseSpec>): Record<number, ResponseSpec> {
  const limit = rateLimitOf(op);
  if (!limit) return responses;
  const headers = {
    RateLimit: { description: `what is left of the budget per ${limit.per} in this window (IETF draft 8)` },
    'RateLimit-Policy': {
      description: `the budget: requests per ${limit.per} per window (RATE_LIMITED past it)`,
    },
  };
  const limited: Record<number, ResponseSpec> = {
    ...responses,
    429: {
      description: `too many requests per ${limit.per} in this window: wait \`Retry-After\` seconds (RATE_LIMITED)`,
      body: 'Problem',
      headers: {
        'Retry-After': { description: 'seconds until the window ends', required: true },
        ...headers,
      },
    },
  };
  return Object.fromEntries(
    Object.entries(limited).map(([status, spec]) => [
      status,
      { ...spec, headers: { ...headers, ...spec.headers } },
    ]),
  );
}

function operation(op: Operation): OpenApiOperation {
  const linkToken = op.operationId === 'getBillStatement';
  const parameters = [
    ...Object.entries(op.params ?? {}).map(([name, spec]) => parameter(name, 'path', spec)),
    ...queryParameters(queryOf(op), linkToken ? ['access_token'] : []),
    ...Object.entries(op.headers ?? {}).map(([name, spec]) => parameter(name, 'header', spec)),
  ];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\n**Who:** ${ACCESS[op.access].who}`,
    security:
      op.access === 'public'
        ? []
        : op.access === 'payment-gateway'
          ? [{ gatewaySignature: [] }]
          : linkToken
            ? [{ bearerAuth: [] }, { statementLink: [] }]
            : [{ bearerAuth: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: REF(op.body.name) }, example: op.body.example },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(responsesOf(op))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([status, spec]) => [status, response(spec)]),
    ),
  };
}

export function buildOpenApiDocument(operations: readonly Operation[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op);
  }
  const bodies = Object.fromEntries(
    operations.flatMap((op) => (op.body ? [[op.body.name, op.body.schema] as const] : [])),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Oxygen.id Selfcare upgrade API',
      version: '1.0.0',
      description:
        'The back end of the Upgrade Package button of the Oxygen.id Selfcare app. Every error is ' +
        '`application/problem+json` (RFC 9457). Every input is validated against one schema, and unknown ' +
        'query parameters and body fields are refused (400). JSON bodies are limited to 16 kB (413). Money is ' +
        'integer rupiah; days are `YYYY-MM-DD`; instants are ISO 8601 with the Jakarta offset (`+07:00`).',
    },
    tags: TAGS,
    paths,
    components: {
      schemas: {
        ...components({ ...RESPONSE_SCHEMAS, Problem, FieldError }, 'output'),
        ...components(bodies, 'input'),
      },
      securitySchemes: {
        gatewaySignature: {
          type: 'apiKey',
          in: 'header',
          name: 'signature_key',
          description:
            'Midtrans signs its HTTP notification in the JSON body, not a header (OpenAPI has no body-located scheme): `signature_key` is the hex SHA-512 of `order_id + status_code + gross_amount + MIDTRANS_SERVER_KEY`, compared in constant time.',
        },
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT of a trusted identity provider (AUTH_ISSUERS; in development the embedded OpenID provider), verified with the keys it publishes: its issuer, this API as audience, an asymmetric algorithm, `exp`, and a role it may grant (customer, with the 8-digit customer ID in a claim; technician; operator). docs/security.md.',
        },
        statementLink: {
          type: 'apiKey',
          in: 'query',
          name: 'access_token',
          description:
            'The link token of the bill email: opens that one Billing Statement, GET only, until the bill’s due date plus STATEMENT_LINK_MARGIN_DAYS; refused once the bill is voided.',
        },
      },
    },
  };
}
