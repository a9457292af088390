import type { UseQueryResult } from '@tanstack/react-query';
import { Loaded } from './Page';

/**
 * The Billing Statement as the customer gets it. It needs the bearer token, so it is fetched and
 * shown in a sandboxed frame of its own (an opaque origin; the app's CSP, which the frame inherits,
 * lets no inline script run in it).
 */
export function StatementFrame({
  statement,
  billCode,
  className,
}: {
  statement: UseQueryResult<string, unknown>;
  billCode: string;
  className: string;
}) {
  return (
    <Loaded query={statement} what="Memuat statement…">
      {(html) => (
        <iframe
          className={className}
          title={`Billing Statement ${billCode}`}
          sandbox="allow-scripts"
          srcDoc={html}
        />
      )}
    </Loaded>
  );
}
