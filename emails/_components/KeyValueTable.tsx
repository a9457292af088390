import type { ReactNode } from 'react';
import { colors } from './theme';

export interface KeyValueRow {
  label: string;
  value: ReactNode;
  /** Bold, larger row for a total. */
  emphasis?: boolean;
}

export interface KeyValueTableProps {
  rows: readonly KeyValueRow[];
  /** Right-align the values (money columns). */
  alignValues?: 'left' | 'right';
  /** Heading printed inside the box above the rows. */
  caption?: string;
}

/**
 * A bordered two-column table of facts. Plain `<table>` markup keeps the columns aligned in every mail
 * client; `data-text-format="dataTable"` makes the plain-text version lay the rows out as columns too.
 */
export function KeyValueTable({ rows, alignValues = 'left', caption }: KeyValueTableProps) {
  return (
    <table
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      border={0}
      data-text-format="dataTable"
      style={table}
    >
      <tbody>
        {caption ? (
          <tr>
            <td colSpan={2} style={captionCell}>
              {caption}
            </td>
          </tr>
        ) : null}
        {rows.map((row, index) => {
          const last = index === rows.length - 1;
          const cellBorder = last ? undefined : `1px solid ${colors.border}`;
          return (
            <tr key={row.label}>
              <td
                style={{
                  ...labelCell,
                  borderBottom: cellBorder,
                  ...(row.emphasis ? emphasisLabel : {}),
                }}
              >
                {row.label}
              </td>
              <td
                style={{
                  ...valueCell,
                  textAlign: alignValues,
                  borderBottom: cellBorder,
                  ...(row.emphasis ? emphasisValue : {}),
                }}
              >
                {row.value}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const table = {
  border: `1px solid ${colors.border}`,
  borderCollapse: 'separate',
  borderRadius: '6px',
  margin: '0 0 24px',
  width: '100%',
} as const;

const captionCell = {
  backgroundColor: colors.accentSoft,
  borderBottom: `1px solid ${colors.border}`,
  borderRadius: '6px 6px 0 0',
  color: colors.brandDark,
  fontSize: '13px',
  fontWeight: 700,
  letterSpacing: '0.5px',
  padding: '10px 16px',
  textTransform: 'uppercase',
} as const;

const labelCell = {
  color: colors.muted,
  fontSize: '14px',
  lineHeight: '20px',
  padding: '10px 16px',
  verticalAlign: 'top',
  width: '42%',
} as const;

const valueCell = {
  color: colors.text,
  fontSize: '14px',
  fontWeight: 600,
  lineHeight: '20px',
  padding: '10px 16px',
  verticalAlign: 'top',
} as const;

const emphasisLabel = {
  backgroundColor: colors.accentSoft,
  color: colors.brandDark,
  fontSize: '15px',
  fontWeight: 700,
} as const;

const emphasisValue = {
  backgroundColor: colors.accentSoft,
  color: colors.brandDark,
  fontSize: '18px',
  fontWeight: 700,
} as const;
