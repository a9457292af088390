/**
 * Checks answers against the published OpenAPI document itself (not only the zod schemas it came
 * from), with Ajv's JSON Schema 2020-12 validator in strict mode: a keyword or format it does not
 * know is an error, never silently ignored.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Schema = Record<string, unknown>;

/** Resolves a local `$ref` (`#/components/schemas/X`) against the document (any object, not only schemas). */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported: ${ref}`);
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      if (node === null || typeof node !== 'object' || !(key in node))
        throw new Error(`unresolved $ref ${ref}`);
      return (node as Record<string, unknown>)[key];
    }, root);
}

const ROOT = 'urn:selfcare:openapi';
/** The document's own fields: not schema keywords, and never compiled (only the schemas in it are). */
const OPENAPI_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
];

/** One validator per document, which it holds under ROOT, and the schemas compiled against it. */
const validators = new WeakMap<object, { ajv: Ajv2020; compiled: WeakMap<Schema, ValidateFunction> }>();

/** Every way `value` breaks `schema`, as `path: message` lines; empty when it conforms. */
export function validate(schema: Schema, value: unknown, root: unknown): string[] {
  let entry = validators.get(root as object);
  if (!entry) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    addFormats(ajv);
    ajv.addVocabulary(OPENAPI_FIELDS);
    ajv.addSchema(root as object, ROOT);
    entry = { ajv, compiled: new WeakMap() };
    validators.set(root as object, entry);
  }
  let check = entry.compiled.get(schema);
  if (!check) {
    check = entry.ajv.compile(rebased(schema) as Schema);
    entry.compiled.set(schema, check);
  }
  return check(value) ? [] : (check.errors ?? []).map(describe);
}

/** The schema with its local `$ref`s pointing into the document. */
function rebased(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebased);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${ROOT}${value}`
        : rebased(value),
    ]),
  );
}

/** `$.items[0].status: expected integer, got string`, as a reader of a test failure wants it. */
function describe(error: ErrorObject): string {
  const where = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), '$');
  if (error.keyword === 'additionalProperties')
    return `${where}: unexpected property "${error.params.additionalProperty}"`;
  if (error.keyword === 'type')
    return `${where}: expected ${String(error.params.type).split(',').join(' | ')}, got ${typeOf(error.data)}`;
  return `${where}: ${error.message}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
