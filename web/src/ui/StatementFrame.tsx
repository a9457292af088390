import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Loaded } from './Page';

/**
 * The Billing Statement as the customer gets it. It needs the bearer token, so it is fetched and
 * shown in a sandboxed frame of its own (an opaque origin; the app's CSP, which the frame inherits,
 * lets no inline script run in it). The frame is as tall as the statement: a script of the app's
 * own (public/statement-frame.js, added to the frame's copy only) posts the statement's height, so
 * on a phone the page scrolls through the whole statement, its total included, with no frame to
 * scroll inside.
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
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const measured = (event: MessageEvent) => {
      const posted = (event.data as { statementHeight?: unknown } | null)?.statementHeight;
      if (event.source !== frame.current?.contentWindow || typeof posted !== 'number') return;
      if (posted > 0 && posted < 20_000) setHeight(posted);
    };
    window.addEventListener('message', measured);
    return () => window.removeEventListener('message', measured);
  }, []);
  return (
    <Loaded query={statement} what="Memuat statement…">
      {(html) => (
        <iframe
          ref={frame}
          className={className}
          title={`Billing Statement ${billCode}`}
          sandbox="allow-scripts"
          srcDoc={withHeightScript(html)}
          // The statement's height inside the frame's border.
          style={height ? { height, boxSizing: 'content-box' } : undefined}
        />
      )}
    </Loaded>
  );
}

/** The statement with the height script before `</body>` (the statement itself has no script). */
function withHeightScript(html: string): string {
  const script = '<script src="/app/statement-frame.js"></script>';
  return html.includes('</body>') ? html.replace('</body>', `${script}</body>`) : html + script;
}
