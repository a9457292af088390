import { nowrap } from './theme';

/**
 * A visit as `formatVisit` writes it, with the time range kept on one line so a narrow column never
 * leaves `WIB` alone: `Senin, 24 November 2025, <nowrap>08.00–10.00 WIB</nowrap>`.
 */
export function VisitTime({ label }: { label: string }) {
  const cut = label.lastIndexOf(', ') + 2;
  if (cut < 2) return <>{label}</>;
  return (
    <>
      {label.slice(0, cut)}
      <span style={nowrap}>{label.slice(cut)}</span>
    </>
  );
}
