/**
 * The OpenAPI 3.1 document of the API, built from the schemas the routes validate with
 * (api/schemas.ts, through the operation table of api/contract/operations.ts) and the response
 * schemas of api/contract/. Nothing in it is written by hand twice.
 */
import { z } from 'zod';
import {
  ACCESS_TEXT,
  accessResponses,
  OPERATIONS,
  type OperationSpec,
  type ParameterSpec,
  type ResponseSpec,
} from './contract/operations';
import { FieldError, Problem } from './contract/problem';
import { RESPONSE_SCHEMAS } from './contract/views';

export type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
};
export type OpenApiOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
  responses: Record<string, OpenApiResponse>;
};
export type OpenApiResponse = {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: JsonSchema }>;
  links?: Record<string, unknown>;
};

const REF = (name: string) => `#/components/schemas/${name}`;

const TAGS = [
  { name: 'System', description: 'Health and this contract. Public.' },
  { name: 'Catalog', description: 'Packages and their terms.' },
  { name: 'Customers', description: 'What the Selfcare app shows a customer.' },
  { name: 'Upgrades', description: 'Quote, start and follow a package upgrade.' },
  { name: 'Bills', description: 'Bills and the printable Billing Statement.' },
  { name: 'Notifications', description: 'The in-app inbox.' },
  { name: 'Technician', description: 'The installer vendor’s technician API.' },
  { name: 'Operations', description: 'Billing App / CRM views for operators.' },
  { name: 'Developer', description: 'Local tools, absent in production.' },
];

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its `$schema`. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

/** Named schemas as components, referring to each other by `#/components/schemas/<name>`. */
function components(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: REF }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]),
  );
}

function parameter(name: string, where: 'path' | 'query' | 'header', spec: ParameterSpec) {
  const { description, ...schema } = jsonSchemaOf(spec.schema);
  return {
    name,
    in: where,
    required: where === 'path' ? true : (spec.required ?? false),
    description: [spec.description, description].filter(Boolean).join(' — ') || undefined,
    schema,
    ...(spec.example !== undefined ? { example: spec.example } : {}),
  };
}

/** The query object schema of a route, one parameter per property (the schema refuses others). */
function queryParameters(op: OperationSpec, skip: string[]) {
  if (!op.query) return [];
  const schema = jsonSchemaOf(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      };
    });
}

function response(spec: ResponseSpec): OpenApiResponse {
  const content: Record<string, { schema: JsonSchema }> =
    spec.body === 'html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : spec.body === 'Problem'
        ? { 'application/problem+json': { schema: { $ref: REF('Problem') } } }
        : { 'application/json': { schema: { $ref: REF(spec.body) } } };
  return {
    description: spec.description,
    ...(spec.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(spec.headers).map(([name, h]) => [
              name,
              { description: h.description, required: h.required ?? false, schema: { type: 'string' } },
            ]),
          ),
        }
      : {}),
    content,
    ...(spec.links ? { links: spec.links } : {}),
  };
}

/** The route's own answers and those its access kind adds; a status both give keeps both reasons. */
export function responsesOf(op: OperationSpec): Record<number, ResponseSpec> {
  const merged: Record<number, ResponseSpec> = { ...op.responses };
  for (const [status, spec] of Object.entries(accessResponses(op.access))) {
    const own = merged[Number(status)];
    merged[Number(status)] = own
      ? { ...spec, ...own, description: `${own.description}; or ${spec.description}` }
      : spec;
  }
  return merged;
}

function operation(op: OperationSpec): OpenApiOperation {
  const linkToken = op.operationId === 'getBillStatement';
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, spec]) => parameter(name, 'path', spec)),
    ...queryParameters(op, linkToken ? ['access_token'] : []),
    ...Object.entries(op.headers ?? {}).map(([name, spec]) => parameter(name, 'header', spec)),
  ];
  const responses = responsesOf(op);
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\n**Who:** ${ACCESS_TEXT[op.access]}`,
    security:
      op.access === 'public'
        ? []
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
      Object.entries(responses)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([status, spec]) => [status, response(spec)]),
    ),
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op);
  }
  const bodies = Object.fromEntries(
    OPERATIONS.flatMap((op) => (op.body ? [[op.body.name, op.body.schema] as const] : [])),
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
        'integer rupiah; days are `YYYY-MM-DD`; instants are ISO 8601 with the Jakarta offset (`+07:00`), ' +
        'except in upgrade progress, which is UTC as the workflow records it.',
    },
    tags: TAGS,
    paths,
    components: {
      schemas: {
        ...components({ ...RESPONSE_SCHEMAS, Problem, FieldError }, 'output'),
        ...components(bodies, 'input'),
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'HS256 JWT with `sub` and `role` (customer: `sub` is the 8-digit customer ID; technician; operator) and `exp`.',
        },
        statementLink: {
          type: 'apiKey',
          in: 'query',
          name: 'access_token',
          description:
            'The link token of the bill email: opens that one Billing Statement, GET only, for 60 days.',
        },
      },
    },
  };
}
