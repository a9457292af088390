/** How the Billing App and the CRM write instants: `2025-10-27 13:34:28` (Jakarta). */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

export function formatCrmInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(Date.parse(iso) + JAKARTA_OFFSET_MS);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
