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
} as const;

export const fontFamily =
  "'Segoe UI', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif";

export const paragraph = {
  color: colors.text,
  fontSize: '15px',
  lineHeight: '24px',
  margin: '0 0 16px',
} as const;
