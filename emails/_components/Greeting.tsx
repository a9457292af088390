import { Text } from 'react-email';
import { paragraph } from './theme';

/** `Halo AHMAD TARMIZI,` — always the customer's name (the deck's `Halo Stream 200 Yearly,` is a defect). */
export function Greeting({ name }: { name: string }) {
  return <Text style={paragraph}>{`Halo ${name.trim()},`}</Text>;
}

/** The email's thanks, if it says one, then `Salam hangat,` / `Tim Oxygen.id`. */
export function SignOff({ thanks }: { thanks?: string }) {
  return (
    <>
      {thanks ? <Text style={paragraph}>{thanks}</Text> : null}
      <Text style={{ ...paragraph, margin: '24px 0 0' }}>
        Salam hangat,
        <br />
        <strong>Tim Oxygen.id</strong>
      </Text>
    </>
  );
}
