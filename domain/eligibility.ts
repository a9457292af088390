/** Which packages a subscriber may upgrade to (deck slide 1, "View List Package"). */
import type { PackageSpec, ProductLine } from './catalog';

type SpeedAndTerm = Pick<PackageSpec, 'speedMbps' | 'termMonths'>;

const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

/** Why `target` is not an upgrade of `current`, or null when it is. Product line plays no part. */
export function reasonNotEligible(current: SpeedAndTerm, target: SpeedAndTerm): string | null {
  const reasons: string[] = [];
  if (target.speedMbps <= current.speedMbps) {
    reasons.push(
      `target speed ${target.speedMbps} Mbps is not higher than current ${current.speedMbps} Mbps`,
    );
  }
  if (target.termMonths < current.termMonths) {
    reasons.push(
      `target term of ${months(target.termMonths)} is shorter than current term of ${months(current.termMonths)}`,
    );
  }
  return reasons.length === 0 ? null : reasons.join('; ');
}

/** Strictly faster, and a term at least as long as the current one. */
export function isEligibleUpgrade(current: SpeedAndTerm, target: SpeedAndTerm): boolean {
  return reasonNotEligible(current, target) === null;
}

const LINE_ORDER: Record<ProductLine, number> = { STREAM: 0, STREAM_PLUS: 1 };

/** Eligible targets, by speed, then term (1/6/12), then Stream before Stream+. */
export function upgradeOptions(current: SpeedAndTerm, catalog: readonly PackageSpec[]): PackageSpec[] {
  return catalog
    .filter((target) => isEligibleUpgrade(current, target))
    .sort(
      (a, b) =>
        a.speedMbps - b.speedMbps || a.termMonths - b.termMonths || LINE_ORDER[a.line] - LINE_ORDER[b.line],
    );
}
