import { Text } from 'react-email';
import { Callout } from './Callout';
import { nowrap, paragraph } from './theme';

/** `Mohon lakukan pembayaran sebesar Rp … paling lambat …`: the bill emails' call to pay. */
export function PayByCallout({ total, dueDate }: { total: string; dueDate: string }) {
  return (
    <Callout tone="warning" compact>
      Mohon lakukan pembayaran sebesar <strong style={nowrap}>{total}</strong> paling lambat{' '}
      <strong style={nowrap}>{dueDate}</strong>.
    </Callout>
  );
}

/** The bill emails' last paragraph: nothing to do if the bill is already paid. */
export function IgnoreIfPaid() {
  return (
    <Text style={paragraph}>
      Abaikan email ini jika kamu sudah melakukan pembayaran. Terima kasih telah menggunakan layanan
      Oxygen.id.
    </Text>
  );
}
