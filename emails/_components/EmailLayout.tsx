import type { ReactNode } from 'react';
import { Body, Container, Head, Heading, Html, Preview, Section, Text } from 'react-email';
import { Footer } from './Footer';
import { cardInset, colors, fontFamily } from './theme';

export interface EmailLayoutProps {
  /** The email's subject, used as the document `<title>`. */
  subject: string;
  /** Inbox preview line (hidden in the body). */
  preview: string;
  /** Title shown under the brand bar; the subject unless it says otherwise. */
  title?: string;
  /** Short label above the title, e.g. `Tagihan` or `Perangkat`. */
  eyebrow?: string;
  children: ReactNode;
}

/** The frame every Oxygen.id customer email shares: brand bar, white card, footer. */
export function EmailLayout({ subject, preview, title = subject, eyebrow, children }: EmailLayoutProps) {
  return (
    <Html lang="id" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{subject}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body lang="id" style={body}>
        <Container style={container}>
          <Section style={brandBar}>
            <Text style={wordmark}>
              Oxygen<span style={wordmarkAccent}>.id</span>
            </Text>
          </Section>
          <Section style={card}>
            {eyebrow ? <Text style={eyebrowStyle}>{eyebrow}</Text> : null}
            <Heading as="h1" style={heading}>
              {title}
            </Heading>
            {children}
          </Section>
          <Footer />
        </Container>
      </Body>
    </Html>
  );
}

const body = {
  backgroundColor: colors.page,
  fontFamily,
  margin: 0,
  padding: '24px 0',
} as const;

const container = {
  maxWidth: '600px',
  width: '100%',
  margin: '0 auto',
} as const;

const brandBar = {
  backgroundColor: colors.brand,
  borderRadius: '8px 8px 0 0',
  padding: `20px ${cardInset}`,
} as const;

const wordmark = {
  color: '#ffffff',
  fontSize: '26px',
  fontWeight: 700,
  letterSpacing: '-0.5px',
  lineHeight: '32px',
  margin: 0,
} as const;

const wordmarkAccent = {
  color: '#8fd8ff',
} as const;

const card = {
  backgroundColor: colors.card,
  borderRadius: '0 0 8px 8px',
  padding: cardInset,
} as const;

const eyebrowStyle = {
  color: colors.accent,
  fontSize: '12px',
  fontWeight: 700,
  letterSpacing: '1px',
  lineHeight: '16px',
  margin: '0 0 6px',
  textTransform: 'uppercase',
} as const;

const heading = {
  color: colors.brandDark,
  fontSize: '22px',
  fontWeight: 700,
  lineHeight: '30px',
  margin: '0 0 24px',
} as const;
