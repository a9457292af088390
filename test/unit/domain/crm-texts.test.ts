import {
  CHANGE_ONT_TICKET_DESCRIPTION,
  CHANGE_ONT_TICKET_TITLE,
  changeOntJobDescription,
  promoLabel,
  upgradeTicketDescription,
  upgradeTicketTitle,
  upgradeWorkOrderPackageLabel,
} from '../../../domain';

describe('CRM texts, as the deck shows them', () => {
  it('titles and describes the upgrade ticket', () => {
    expect(upgradeTicketTitle('Stream 150 Semesterly', 1_780_000)).toBe(
      '(SR) - UPGRADE - Stream 150 Semesterly Total 1.780.000',
    );
    expect(upgradeTicketDescription('Stream 75 Semesterly', 'Stream 150 Semesterly', 1_780_000)).toBe(
      'Request change package from Stream 75 Semesterly to Stream 150 Semesterly Total 1.780.000 using selfcare apps',
    );
  });

  it.each([
    ['2026-03-21', 'Stream 150 Semesterly', 'END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY'],
    ['2026-12-01', 'Stream+ 200 Yearly', 'END PROMO : 01-DEC-2026 BACK TO STREAM+ 200 YEARLY'],
  ])('labels a promo ending %s', (endsOn, fallback, label) => {
    expect(promoLabel(endsOn, fallback)).toBe(label);
  });

  it('puts the promo in the work order package only when one applies', () => {
    const promo = promoLabel('2026-03-21', 'Stream 150 Semesterly');
    expect(upgradeWorkOrderPackageLabel('Stream 150 Semesterly', promo)).toBe(
      'Stream 150 Semesterly ( END PROMO : 21-MAR-2026 BACK TO STREAM 150 SEMESTERLY )',
    );
    expect(upgradeWorkOrderPackageLabel('Stream 200 Yearly', null)).toBe('Stream 200 Yearly');
  });

  it('describes the Change-ONT ticket and the maintenance job', () => {
    expect(CHANGE_ONT_TICKET_TITLE).toBe('(SR) - UPGRADE - REPLACE ONT SINGLE BAND TO DUALBAND');
    expect(CHANGE_ONT_TICKET_DESCRIPTION).toBe('REPLACE ONT SINGLE BAND TO DUALBAND');
    expect(changeOntJobDescription('JL. TEBET BARAT NO 12')).toBe(
      'PERGANTIAN ONT SINGLE BAND DUAL BAND UPGRADE FROM SELFCARE#JL. TEBET BARAT NO 12',
    );
  });
});
