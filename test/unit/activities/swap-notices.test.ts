import { NOTICES } from '../../../activities/notifications/notices';

const customer = { id: 'C-1', name: 'Budi', email: 'budi@example.com', installationAddress: 'Jl. Mawar 1' };
const deps = { visitMoveLeadHours: 24 } as never;
const swap = { upgradeId: 'U-1', customerId: 'C-1', workOrderNumber: 'WO-7' };
const visit = { ...swap, date: '2025-11-25', slot: '13-15' };

/** What a notice says on each channel, given its context and input. */
async function said(spec: (typeof NOTICES)[keyof typeof NOTICES], context: object, input: object) {
  const notice = spec as {
    body: (c: object, i: object) => string;
    deepLink: (i: object, c: object) => string;
    email?: { kind: string; props: (c: object, i: object, d: never) => unknown };
  };
  return {
    body: notice.body(context, input),
    deepLink: notice.deepLink(input, context),
    email: notice.email && { kind: notice.email.kind, props: await notice.email.props(context, input, deps) },
  };
}

describe('the notices about the ONT swap', () => {
  it('link to their upgrade; each email names the customer and the work order, then its own props', async () => {
    const ont = { serial: 'ZTE-1', model: 'F609' };
    expect(
      await said(NOTICES.ONT_SWAP_SCHEDULED, { customer, packageName: 'Stream 150', ont }, swap),
    ).toEqual({
      body: expect.stringContaining('(WO-7)'),
      deepLink: 'oxygenid://upgrades/U-1',
      email: {
        kind: 'ONT_SWAP_SCHEDULED',
        props: {
          customerName: 'Budi',
          workOrderNumber: 'WO-7',
          packageName: 'Stream 150',
          installationAddress: 'Jl. Mawar 1',
          currentOntModel: 'F609',
          currentOntSerial: 'ZTE-1',
        },
      },
    });
    const swapped = { ...swap, newOntSerial: 'HW-2', newOntModel: 'HG8245', replacedAt: '2025-11-25' };
    expect(
      (await said(NOTICES.ONT_SWAP_COMPLETED, { customer, packageName: 'Stream 150' }, swapped)).email,
    ).toEqual({
      kind: 'ONT_SWAP_COMPLETED',
      props: {
        customerName: 'Budi',
        workOrderNumber: 'WO-7',
        packageName: 'Stream 150',
        newOntModel: 'HG8245',
        newOntSerial: 'HW-2',
        replacedAt: '2025-11-25',
      },
    });
    expect(
      (await said(NOTICES.ONT_VISIT_CANCELLED, { customer, packageName: 'Stream 150' }, swap)).email,
    ).toEqual({
      kind: 'ONT_VISIT_CANCELLED',
      props: {
        customerName: 'Budi',
        workOrderNumber: 'WO-7',
        packageName: 'Stream 150',
        installationAddress: 'Jl. Mawar 1',
      },
    });
  });

  it('name the visit in the booked and missed emails; the reminder and the delay have none', async () => {
    const booked = await said(NOTICES.VISIT_BOOKED, { customer }, { ...visit, moved: true });
    expect(booked.email?.props).toMatchObject({
      customerName: 'Budi',
      workOrderNumber: 'WO-7',
      address: 'Jl. Mawar 1',
      moved: true,
      minLeadHours: 24,
      appLink: 'oxygenid://upgrades/U-1',
    });
    const missed = await said(
      NOTICES.VISIT_MISSED,
      { customer },
      { ...visit, category: 'WEATHER', remark: null },
    );
    expect(missed.email?.props).toMatchObject({
      customerName: 'Budi',
      workOrderNumber: 'WO-7',
      reasonLabel: 'Cuaca buruk',
      remark: null,
      appLink: 'oxygenid://upgrades/U-1',
    });
    for (const spec of [NOTICES.VISIT_REMINDER, NOTICES.ONT_SWAP_DELAYED]) {
      expect(await said(spec, { customer }, visit)).toEqual({
        body: expect.stringContaining('(WO-7)'),
        deepLink: 'oxygenid://upgrades/U-1',
        email: undefined,
      });
    }
  });
});
