import { phoneDigits, searchConditions, temporalRunUrl } from '../../../services/customer-service';

describe('the CS search: what a query may be', () => {
  it.each([
    ['0813 8000 2222', '81380002222'],
    ['+62 813-8000-2222', '81380002222'],
    ['6281380002222', '81380002222'],
    ['(0813) 80002222', '81380002222'],
    ['0813', null],
    ['08131', '8131'],
    ['FACHRI', null],
    ['WO-04112025-2825386', null],
  ])('phone %p → %p', (query, national) => {
    expect(phoneDigits(query)).toBe(national);
  });

  it.each([
    ['FACHRI', ['name']],
    ['21301029', ['name', 'id', 'phone']],
    ['202511712857', ['name', 'bills', 'phone']],
    ['3759821', ['name', 'tickets', 'phone']],
    ['wo-04112025-2825386', ['name', 'workOrders']],
    ['0813 8000 2222', ['name', 'phone']],
  ])('%p is looked for in %p', (query, fields) => {
    expect(searchConditions(query).map((c) => Object.keys(c)[0])).toEqual(fields);
  });

  it('matches a WO number whatever its case, as stored (capitals)', () => {
    expect(searchConditions('wo-04112025-2825386')[1]).toEqual({
      workOrders: { some: { woNumber: 'WO-04112025-2825386' } },
    });
  });

  it('links a run to the Web UI only when its address is known', () => {
    expect(
      temporalRunUrl({ url: 'http://localhost:8233/', namespace: 'default' }, 'upgrade-21301029-a'),
    ).toBe('http://localhost:8233/namespaces/default/workflows/upgrade-21301029-a');
    expect(temporalRunUrl({ namespace: 'default' }, 'x')).toBeNull();
  });
});
