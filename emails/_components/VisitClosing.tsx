import { Text } from 'react-email';
import { CUSTOMER_CARE_PHONE } from './Footer';
import { SignOff } from './Greeting';
import { paragraph, small } from './theme';

/**
 * How the visit emails that apologise end: quote the Work Order to Customer Care about `topic`
 * (`kunjungan ini`, `penggantian ini`), the apology, thanks, sign-off.
 */
export function VisitClosing({ topic }: { topic: string }) {
  return (
    <>
      <Text style={small}>
        Sebutkan nomor Work Order di atas bila menghubungi Customer Care {CUSTOMER_CARE_PHONE} tentang {topic}
        .
      </Text>
      <Text style={paragraph}>Kami mohon maaf atas ketidaknyamanan ini.</Text>
      <SignOff thanks="Terima kasih atas kepercayaannya menggunakan Oxygen.id." />
    </>
  );
}
