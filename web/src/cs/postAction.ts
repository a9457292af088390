import { api, must } from '../api/client';
import type { paths } from '../api/schema';

/** Customer service's actions: the console's POSTs. */
type CsAction = {
  [P in keyof paths]: P extends `/v1/cs/${string}` ? (paths[P]['post'] extends object ? P : never) : never;
}[keyof paths];

type Operation<A extends CsAction> = NonNullable<paths[A]['post']>;

type Answer<A extends CsAction> = Operation<A>['responses'][200]['content']['application/json'];

// openapi-fetch cannot check a request whose path is still a type parameter: `postAction`'s signature does.
const post = api.POST as (
  path: CsAction,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * An action of the console, sent once per `idempotencyKey` (a double click or a retry acts once):
 * its answer, or its refusal thrown as an ApiProblem.
 */
export function postAction<A extends CsAction>(
  path: A,
  params: Operation<A>['parameters']['path'],
  idempotencyKey: string,
  body: Operation<A>['requestBody']['content']['application/json'],
): Promise<Answer<A>> {
  const init = { params: { path: params, header: { 'Idempotency-Key': idempotencyKey } }, body };
  return must(post(path, init)) as Promise<Answer<A>>;
}
