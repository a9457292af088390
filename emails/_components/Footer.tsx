import { Hr, Link, Section, Text } from 'react-email';
import { cardInset, colors } from './theme';

export const COMPANY_NAME = 'PT. Mora Telematika Indonesia Tbk.';
export const CUSTOMER_CARE_PHONE = '1500780';
export const CUSTOMER_CARE_EMAIL = 'ccare@oxygen.id';

/** Company block, Customer Care contacts and the do-not-reply notice. */
export function Footer() {
  return (
    <Section style={footer}>
      <Text style={contact}>
        Customer Care <strong style={strong}>{CUSTOMER_CARE_PHONE}</strong>
        {' · '}
        <Link href={`mailto:${CUSTOMER_CARE_EMAIL}`} style={link}>
          {CUSTOMER_CARE_EMAIL}
        </Link>
      </Text>
      <Hr style={rule} />
      <Text style={company}>
        <strong style={strong}>{COMPANY_NAME}</strong>
        <br />
        Cervino Village Apartment, Jl. KH Abdullah Syafei No.27, Tebet, Jakarta Selatan 12810
      </Text>
      <Text style={notice}>
        Email ini dikirim secara otomatis, mohon tidak membalas email ini. Untuk pertanyaan, hubungi Customer
        Care kami.
      </Text>
    </Section>
  );
}

const footer = {
  padding: `24px ${cardInset} 8px`,
  textAlign: 'center',
} as const;

const contact = {
  color: colors.text,
  fontSize: '14px',
  lineHeight: '22px',
  margin: '0 0 12px',
} as const;

const strong = {
  fontWeight: 700,
} as const;

const link = {
  color: colors.brand,
  textDecoration: 'underline',
} as const;

const rule = {
  borderColor: colors.border,
  borderTopWidth: '1px',
  margin: '0 0 12px',
} as const;

const company = {
  color: colors.muted,
  fontSize: '12px',
  lineHeight: '18px',
  margin: '0 0 8px',
} as const;

const notice = {
  color: colors.muted,
  fontSize: '11px',
  lineHeight: '16px',
  margin: 0,
} as const;
