/**
 * One Idempotency-Key per confirmation: made when the quote is shown and sent with every try of
 * that confirmation (a double tap, a retry after a dropped connection), so the API starts one
 * upgrade. getRandomValues works outside secure contexts too (randomUUID does not).
 */
export function newIdempotencyKey(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
) {
  const bytes = random(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
