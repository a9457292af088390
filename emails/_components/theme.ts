/** Colours and type for the Oxygen.id customer emails (inline styles only: mail clients strip <style>). */
export const colors = {
  brand: '#0a4da2',
  brandDark: '#083b7c',
  accent: '#00a0e3',
  accentSoft: '#e8f2fc',
  text: '#1f2933',
  muted: '#5f6b7a',
  border: '#dde3ea',
  page: '#eef2f7',
  card: '#ffffff',
  success: '#157347',
  successSoft: '#e7f5ee',
  warning: '#8a5a00',
  warningSoft: '#fff6e0',
  warningBar: '#f0a500',
} as const;

export const fontFamily =
  "'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif";

/** The card's side padding, which the brand bar above it and the footer below it line up with. */
export const cardInset = '32px';

export const paragraph = {
  color: colors.text,
  fontSize: '15px',
  lineHeight: '24px',
  margin: '0 0 16px',
} as const;

/** Small print under a table or paragraph: muted, 13px. Override `margin` where the spacing differs. */
export const small = {
  color: colors.muted,
  fontSize: '13px',
  lineHeight: '20px',
  margin: '0 0 16px',
} as const;

/** Keeps a code, amount or date on one line: `<strong style={nowrap}>`. */
export const nowrap = { whiteSpace: 'nowrap' } as const;

/** The colour sets of a callout box: `info` (blue), `success` (green), `warning` (amber). */
export type CalloutTone = 'info' | 'success' | 'warning';

const CALLOUT_TONES: {
  readonly [T in CalloutTone]: { readonly background: string; readonly bar: string; readonly ink: string };
} = {
  info: { background: colors.accentSoft, bar: colors.brand, ink: colors.brandDark },
  success: { background: colors.successSoft, bar: colors.success, ink: colors.success },
  warning: { background: colors.warningSoft, bar: colors.warningBar, ink: colors.warning },
};

/** The box of a callout: soft background with a 4px bar on the left in the tone's colour. */
export function callout(tone: CalloutTone) {
  const { background, bar } = CALLOUT_TONES[tone];
  return {
    backgroundColor: background,
    borderLeft: `4px solid ${bar}`,
    borderRadius: '4px',
    margin: '0 0 24px',
    padding: '12px 16px',
  } as const;
}

export interface CalloutTextOptions {
  /** The whole message semibold in the tone's own colour (e.g. green for a success message). */
  bold?: boolean;
  /** 14px/22px instead of the paragraph's 15px/24px. */
  compact?: boolean;
}

/** The text inside a `callout(tone)` box. */
export function calloutText(tone: CalloutTone, { bold = false, compact = false }: CalloutTextOptions = {}) {
  return {
    color: bold ? CALLOUT_TONES[tone].ink : colors.text,
    fontSize: compact ? '14px' : '15px',
    ...(bold ? { fontWeight: 600 } : {}),
    lineHeight: compact ? '22px' : '24px',
    margin: 0,
  } as const;
}
