import { Button, Section } from 'react-email';
import { colors } from './theme';

/** The email's one call to action: a centred brand-blue button (a link, so it works in every client). */
export function ActionButton({ href, children }: { href: string; children: string }) {
  return (
    <Section style={buttonRow}>
      <Button href={href} style={button}>
        {children}
      </Button>
    </Section>
  );
}

const buttonRow = {
  margin: '0 0 24px',
  textAlign: 'center',
} as const;

const button = {
  backgroundColor: colors.brand,
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '15px',
  fontWeight: 700,
  padding: '12px 28px',
  textDecoration: 'none',
} as const;
