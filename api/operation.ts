/**
 * One declaration per operation: route, access, input schemas, responses and handler. `mount()`
 * turns declarations into Express routes (access checked, then every input validated, before the
 * handler runs); api/openapi.ts turns the same declarations into the OpenAPI document.
 */
import { type Response, Router } from 'express';
import type { z } from 'zod';
import { REFUSALS, type RefusalCode } from '../contracts/refusals';
import { NoQuery, PATH_PARAMS, pageWindow } from '../contracts/requests';
import type { RESPONSE_SCHEMAS } from '../contracts/views';
import type { Principal } from '../platform/auth';
import { methodNotAllowed, parse, parseEach } from '../platform/http/input';
import type { ResponseSpec as AnyResponseSpec, ParamSpec } from '../platform/http/openapi';
import { answerOf } from '../platform/http/problem';
import { recordReads } from '../services/access-records';
import { ACCESS, type Access, readCustomer } from './access';
import type { ApiDependencies } from './dependencies';

type Views = typeof RESPONSE_SCHEMAS;
export type BodyName = keyof Views | 'Problem' | 'html';

/** A response whose body is one of the API's views (contracts/views.ts), `Problem` or `html`. */
export type ResponseSpec<N extends BodyName = BodyName> = AnyResponseSpec<N>;

type Route = `${'GET' | 'POST' | 'PUT'} /${string}`;
type Params = Record<string, ParamSpec>;
/** The `{name}`s of a path template; each is validated with `PATH_PARAMS[name]`. */
type PathParams<T> = T extends `${string}{${infer N}}${infer Rest}` ? N | PathParams<Rest> : never;
type Values<P, K extends keyof P = keyof P> = {
  [N in K]: P[N] extends ParamSpec<infer S> ? z.output<S> : never;
};
/** What a handler may return: the JSON body of one of the operation's 2xx answers. */
type Answer<R> = {
  [S in keyof R]: S extends 200 | 202
    ? R[S] extends ResponseSpec<infer N extends keyof Views>
      ? z.output<Views[N]>
      : never
    : never;
}[keyof R];

interface Declaration<T extends Route, Q, H, B, R> {
  operationId: string;
  /** Method and OpenAPI path template (`GET /v1/customers/{customerId}/bills`). */
  route: T;
  summary: string;
  description: string;
  access: Access;
  /** Validates `req.query`; its properties are the query parameters. Default: none allowed. */
  query?: Q;
  headers?: H;
  body?: { name: string; schema: B; example: unknown };
  /** The handler's own answers; validation and access add theirs (400, 401, 403, 404, 413, 415). */
  responses: R;
  /** Gets the validated input; returns the JSON body (status 200 unless it set another), or answers itself. */
  handler: (
    input: {
      params: Values<typeof PATH_PARAMS, PathParams<T> & keyof typeof PATH_PARAMS>;
      query: z.output<Q>;
      headers: Partial<Values<H>>;
      body: z.output<B>;
      res: Response;
    },
    deps: ApiDependencies,
  ) => Answer<R> | void | Promise<Answer<R>> | Promise<void>;
}

export interface Operation
  extends Omit<Declaration<Route, z.ZodObject, Params, z.ZodType, Record<number, ResponseSpec>>, 'route'> {
  tag: string;
  method: 'get' | 'post' | 'put';
  /** OpenAPI path template (`/v1/customers/{customerId}/bills`). */
  path: string;
  params: Params;
}

/** Declares the operations of one tag of the document. */
export function operationsOf(tag: string) {
  return <
    T extends Route,
    Q extends z.ZodObject = typeof NoQuery,
    H extends Params = Record<never, ParamSpec>,
    B extends z.ZodType = z.ZodUndefined,
    R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
  >({
    route,
    ...declaration
  }: Declaration<T, Q, H, B, R>): Operation => {
    const [method, path] = route.split(' ') as [string, string];
    const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as keyof typeof PATH_PARAMS);
    const unknown = names.filter((name) => !(name in PATH_PARAMS));
    if (unknown.length) throw new Error(`${route}: no PATH_PARAMS entry for ${unknown.join(', ')}`);
    const params = Object.fromEntries(names.map((name) => [name, PATH_PARAMS[name]]));
    return { ...declaration, tag, method: method.toLowerCase(), path, params } as unknown as Operation;
  };
}

export const ok = <N extends BodyName>(description: string, body: N): ResponseSpec<N> => ({
  description,
  body,
});
export const problem = (description: string): ResponseSpec<'Problem'> => ({ description, body: 'Problem' });

/** The answers of an operation's refusals, by status: what each code means (contracts/refusals.ts). */
export function refusals(...codes: RefusalCode[]): Record<number, ResponseSpec<'Problem'>> {
  const statuses = [...new Set(codes.map((code) => REFUSALS[code].status))];
  return Object.fromEntries(
    statuses.map((status) => {
      const says = codes.filter((code) => REFUSALS[code].status === status);
      return [status, problem(says.map((code) => `${REFUSALS[code].means} (${code})`).join('; or '))];
    }),
  );
}

/** One page of a list: what `read` finds in the page's window, with the page's number and size. */
export const paged = async <T extends object>(
  { page, pageSize }: { page: number; pageSize: number },
  read: (window: { skip: number; take: number }) => Promise<T>,
) => ({ ...(await read(pageWindow({ page, pageSize }))), page, pageSize });

/** Temporal did not take it: nothing changed (services throw `Unavailable`). */
export const UNAVAILABLE = problem('Temporal did not take it; nothing changed, try again');

/** What an operation validates its query with: its own schema, else none allowed (public routes: none). */
export const queryOf = (op: Operation) => op.query ?? (op.access === 'public' ? undefined : NoQuery);

/**
 * A router serving the operations (paths under `prefix` are mounted relative to it). Each route
 * checks access, then validates path parameters, headers, query and body — in that order, the
 * first invalid one answers 400 — then runs the handler, whose `Refused` is answered by its code
 * (platform/http/problem.ts). A staff read of a customer's data (a GET naming the customer in its
 * path, or whose handler or access check said `readCustomer`) is recorded before the answer
 * leaves (services/access-records.ts); a read that cannot be recorded is not answered. A known path under another method answers 405 with `Allow`; OPTIONS is left
 * to Express.
 */
export function mount(operations: Operation[], deps: ApiDependencies, prefix = ''): Router {
  const router = Router();
  const methods = new Map<string, string[]>();
  for (const op of operations) {
    const path = op.path.slice(prefix.length).replace(/\{(\w+)\}/g, ':$1');
    methods.set(path, [
      ...(methods.get(path) ?? []),
      ...(op.method === 'get' ? ['GET', 'HEAD'] : [op.method.toUpperCase()]),
    ]);
    const query = queryOf(op);
    router[op.method](path, async (req, res) => {
      ACCESS[op.access].check?.(req, res);
      const input = {
        params: parseEach(op.params, (name) => req.params[name], String),
        headers: parseEach(
          op.headers,
          (name) => req.get(name),
          (name) => `${name} header`,
        ),
        query: query ? parse(query, req.query, 'query') : {},
        body: op.body ? parse(op.body.schema, req.body ?? {}, 'body') : undefined,
        res,
      };
      const principal = res.locals.principal as Principal | undefined;
      const customerId = (input.params as { customerId?: string }).customerId;
      if (op.method === 'get' && principal && customerId) readCustomer(res, customerId);
      const answer = await (async () => op.handler(input, deps))().catch((error) => {
        throw answerOf(error, res, deps.logger);
      });
      if (op.method === 'get') await recordStaffReads(op.operationId, res, deps);
      if (answer !== undefined) res.json(answer);
    });
  }
  for (const [path, allowed] of methods) router.use(path, methodNotAllowed(allowed));
  return router;
}

/**
 * Records the customers a staff GET has shown (res.locals.customersShown, `readCustomer`), one row
 * each, and forgets them. `mount` calls it before answering; a handler that sends its own answer
 * (the statement's HTML) calls it first, so that a read it cannot record is not answered.
 */
export async function recordStaffReads(
  what: string,
  res: Response,
  deps: Pick<ApiDependencies, 'db' | 'logger'>,
): Promise<void> {
  const shown = res.locals.customersShown as Set<string> | undefined;
  const principal = res.locals.principal as Principal | undefined;
  if (!shown?.size || !principal || principal.role === 'customer') return;
  res.locals.customersShown = undefined;
  const url = res.req.originalUrl;
  const resource = url.split('?')[0] ?? url;
  try {
    await recordReads(
      deps.db,
      principal,
      [...shown].map((customerId) => ({ customerId, what, resource })),
    );
  } catch (error) {
    if (!res.headersSent) throw error;
    deps.logger.error({ err: error, operation: what }, 'a staff read could not be recorded');
  }
}
