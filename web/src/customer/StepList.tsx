import type { Schemas } from '../api/client';
import { formatInstant } from '../lib/format';
import { stepLines } from '../lib/steps';

/** The upgrade's steps: done (with time), the current one, those to come. */
export function StepList({ upgrade }: { upgrade: Schemas['UpgradeView'] }) {
  return (
    <ol className="steps" aria-label="Langkah upgrade">
      {stepLines(upgrade).map((line) => (
        <li
          key={line.name}
          className={`step step-${line.state}`}
          aria-current={line.state === 'current' ? 'step' : undefined}
        >
          <span className="step-mark" aria-hidden="true">
            {line.state === 'done' ? '✓' : line.state === 'current' ? '•' : ''}
          </span>
          <span className="step-label">
            {line.label}
            <span className="visually-hidden">
              {line.state === 'done'
                ? ' (selesai)'
                : line.state === 'current'
                  ? ' (sedang berjalan)'
                  : ' (menunggu)'}
            </span>
          </span>
          {line.at ? <time dateTime={line.at}>{formatInstant(line.at)}</time> : null}
        </li>
      ))}
    </ol>
  );
}
