import { signatureRefusal, signNotification } from '../../../platform/payment-signature';

const CURRENT = 'the-gateway-secret-of-this-month-32c';
const PREVIOUS = 'the-gateway-secret-of-last-month-32c';
const body = Buffer.from('{"billCode":"202511712857"}');
const nowMs = 1_764_000_000_000;
const timestamp = String(nowMs / 1000);
const refusal = (secrets: string[], signedWith: string) =>
  signatureRefusal({
    secrets,
    timestamp,
    signature: signNotification(signedWith, timestamp, body),
    rawBody: body,
    nowMs,
  });

describe('the gateway signature during a secret rotation', () => {
  it.each([
    ['the current secret, no rotation', [CURRENT], CURRENT, null],
    ['the current secret, during a rotation', [CURRENT, PREVIOUS], CURRENT, null],
    ['the previous secret, during a rotation', [CURRENT, PREVIOUS], PREVIOUS, null],
    ['the previous secret, after the rotation', [CURRENT], PREVIOUS, 'the signature does not match the body'],
    ['another secret', [CURRENT, PREVIOUS], 'x'.repeat(40), 'the signature does not match the body'],
  ])('%s', (_case, secrets, signedWith, expected) => {
    expect(refusal(secrets, signedWith)).toBe(expected);
  });
});
