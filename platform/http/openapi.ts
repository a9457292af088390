/**
 * OpenAPI 3.1 from zod schemas, whatever the API: the document's types, JSON Schema 2020-12
 * (OpenAPI 3.1's dialect) of a schema or of named components referring to each other, and the
 * parameters and responses a declaration describes. The API's own document: api/openapi.ts.
 */
import { z } from 'zod';

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

/** A response as a declaration gives it: its body a component's name, `Problem` or `html`. */
export interface ResponseSpec<N extends string = string> {
  description: string;
  body: N;
  headers?: Record<string, { description: string; required?: boolean }>;
  /** OpenAPI links, for stateful testing: target operationId and its parameters. */
  links?: Record<string, { operationId: string; parameters: Record<string, string>; description: string }>;
}

/** A path parameter or header: its schema, what it is, an example. */
export interface ParamSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  example?: string;
}

export const REF = (name: string) => `#/components/schemas/${name}`;

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), without its `$schema`. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
}

/** Named schemas as components, referring to each other by `#/components/schemas/<name>`. */
export function components(
  named: Record<string, z.ZodType>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: REF }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]),
  );
}

export function parameter(name: string, where: 'path' | 'header', spec: ParamSpec) {
  const { description, ...schema } = jsonSchemaOf(spec.schema);
  return {
    name,
    in: where,
    required: where === 'path',
    description: [spec.description, description].filter(Boolean).join(' — ') || undefined,
    schema,
    ...(spec.example !== undefined ? { example: spec.example } : {}),
  };
}

/** A query object schema, one parameter per property (the schema refuses others), but `skip`. */
export function queryParameters(query: z.ZodType | undefined, skip: string[]) {
  if (!query) return [];
  const schema = jsonSchemaOf(query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, { description, ...rest }]) => ({
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    }));
}

export function response(spec: ResponseSpec): OpenApiResponse {
  const content: Record<string, { schema: JsonSchema }> =
    spec.body === 'html'
      ? { 'text/html': { schema: { type: 'string' } } }
      : spec.body === 'Problem'
        ? { 'application/problem+json': { schema: { $ref: REF('Problem') } } }
        : { 'application/json': { schema: { $ref: REF(spec.body) } } };
  const headers = Object.entries(spec.headers ?? {}).map(([name, h]) => [
    name,
    { description: h.description, required: h.required ?? false, schema: { type: 'string' } },
  ]);
  return {
    description: spec.description,
    ...(spec.headers ? { headers: Object.fromEntries(headers) } : {}),
    content,
    ...(spec.links ? { links: spec.links } : {}),
  };
}
