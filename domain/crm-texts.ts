/** The texts the Billing App and CRM show for an upgrade, exactly as in the deck. */
import type { LocalDate } from './calendar';
import { parseLocalDate } from './calendar';
import { formatRupiah } from './format';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

export const CHANGE_ONT_TICKET_TITLE = '(SR) - UPGRADE - REPLACE ONT SINGLE BAND TO DUALBAND';
export const CHANGE_ONT_TICKET_DESCRIPTION = 'REPLACE ONT SINGLE BAND TO DUALBAND';
export const SYSTEM_TICKET_CREATOR = 'System (SUBSCRIBER VERIFICATION MANAGEMENT)';
export const SELFCARE_MODE = 'SELFCARE';

/** `(SR) - UPGRADE - Stream 150 Semesterly Total 1.780.000` */
export function upgradeTicketTitle(targetPackageName: string, targetPriceIdr: number): string {
  return `(SR) - UPGRADE - ${targetPackageName} Total ${formatRupiah(targetPriceIdr)}`;
}

/** `Request change package from Stream 75 Semesterly to Stream 150 Semesterly Total 1.780.000 using selfcare apps` */
export function upgradeTicketDescription(fromName: string, toName: string, targetPriceIdr: number): string {
  return `Request change package from ${fromName} to ${toName} Total ${formatRupiah(targetPriceIdr)} using selfcare apps`;
}

/** `END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY` */
export function promoLabel(endsOn: LocalDate, fallbackPackageName: string): string {
  const { year, month, day } = parseLocalDate(endsOn);
  const date = `${String(day).padStart(2, '0')}-${MONTHS[month - 1]}-${year}`;
  return `END PROMO : ${date} BACK TO ${fallbackPackageName.toUpperCase()}`;
}

/** `Stream 150 Semesterly ( END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY )`, or the bare name. */
export function upgradeWorkOrderPackageLabel(packageName: string, promo: string | null): string {
  return promo ? `${packageName} ( ${promo} )` : packageName;
}

/** `PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#<installation address>` */
export function changeOntJobDescription(installationAddress: string): string {
  return `PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#${installationAddress}`;
}
