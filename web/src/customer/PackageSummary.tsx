import type { Schemas } from '../api/client';
import { formatRupiahWithSymbol, formatTerm } from '../lib/format';

/** A package as the list and the detail show it: speed, term, price, what ONT it needs. */
export function PackageSummary({ pkg }: { pkg: Schemas['PackageView'] }) {
  return (
    <>
      <p className="package-price">
        {formatRupiahWithSymbol(pkg.priceIdr)} <span className="small">/ {formatTerm(pkg.termMonths)}</span>
      </p>
      <p className="small">
        {pkg.speedMbps} Mbps · {pkg.line === 'STREAM_PLUS' ? 'Stream+' : 'Stream'}
        {pkg.requiresDualBand ? ' · perlu ONT Dual Band' : ''}
      </p>
    </>
  );
}
