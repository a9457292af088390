/**
 * Catalog and demo customers. Idempotent: every row is keyed by its natural ID, so a restart
 * finds what is there and adds nothing twice. Demo subscriptions are anchored to the day the
 * seed first runs (see docs/decisions.md): AHMAD TARMIZI is then inside the first month of his
 * Stream 75 Semesterly term, so an upgrade to Stream 150 Semesterly reproduces the deck's bill.
 */

import { addDays, addMonths, CATALOG, jakartaDateOf, type LocalDate, type PackageSpec } from '../domain';
import { VISIT_SLOTS } from '../domain/visits';
import type { PrismaClient as Database } from './generated/client';

interface DemoCustomer {
  id: string;
  name: string;
  customerType: 'REGULAR' | 'VIP';
  email: string;
  phone: string;
  installationAddress: string;
  homepassCode: string;
  homepassId: string;
  /** The Billing App's Area ID and Cluster ID of the homepass. */
  areaId: string;
  clusterId: string;
  fatCode: string;
  fatPort: number;
  billCycle: number;
  packageCode: string;
  /** Days since the current term started, on the day of seeding. */
  daysIntoTerm: number;
  ont: { serial: string; model: string; band: 'SINGLE' | 'DUAL' };
  story: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    id: '21314849',
    name: 'AHMAD TARMIZI',
    customerType: 'REGULAR',
    email: 'ahmad.tarmizi@example.com',
    phone: '+6281270001111',
    installationAddress:
      'JL. BUNYI BANGSAN RT 002 RW 002 NO 07 KEL TANGKERANG TIMUR KEC. TENAYAN RAYA PEKANBARU RIAU',
    homepassCode: 'HP-PKU-TNR-0007',
    homepassId: '880127',
    areaId: '214',
    clusterId: '2610',
    fatCode: 'FAT-PKU-TNR-012',
    fatPort: 5,
    billCycle: 4,
    packageCode: 'STREAM-75-SEM',
    daysIntoTerm: 20,
    ont: { serial: 'ZTEGD4A17B21', model: 'ZTE F670L', band: 'DUAL' },
    story: 'deck scenario A: Sem 75 → Sem 150, ONT already dual band',
  },
  {
    id: '21301029',
    name: 'FACHRI FATURACHMAN',
    customerType: 'VIP',
    email: 'fachri.faturachman@example.com',
    phone: '+6281380002222',
    installationAddress:
      'JL. TEBET BARAT DALAM IV NO 12 RT 005 RW 003 KEL TEBET BARAT KEC. TEBET JAKARTA SELATAN',
    homepassCode: 'HP-JKT-TBT-0112',
    homepassId: '640233',
    areaId: '137',
    clusterId: '1900',
    fatCode: 'FAT-JKT-TBT-004',
    fatPort: 3,
    billCycle: 4,
    packageCode: 'STREAM-50-YEAR',
    daysIntoTerm: 40,
    ont: { serial: 'ZTEGC1F09A33', model: 'ZTE F609', band: 'SINGLE' },
    story: 'deck scenario B: Yearly 50 → Yearly 200, ONT single band',
  },
  {
    id: '21400001',
    name: 'SITI RAHMAWATI',
    customerType: 'REGULAR',
    email: 'siti.rahmawati@example.com',
    phone: '+6281290003333',
    installationAddress: 'JL. CEMPAKA PUTIH TENGAH XV NO 3 KEL CEMPAKA PUTIH TIMUR JAKARTA PUSAT',
    homepassCode: 'HP-JKT-CPT-0301',
    homepassId: '640501',
    areaId: '131',
    clusterId: '1842',
    fatCode: 'FAT-JKT-CPT-002',
    fatPort: 7,
    billCycle: 1,
    packageCode: 'STREAM-100-MON',
    daysIntoTerm: 5,
    ont: { serial: 'HWTC8145V501', model: 'Huawei HG8145V5', band: 'DUAL' },
    story: 'eligibility: Mon 100 → Sem 150 allowed',
  },
  {
    id: '21400002',
    name: 'BUDI SANTOSO',
    customerType: 'REGULAR',
    email: 'budi.santoso@example.com',
    phone: '+6281290004444',
    installationAddress: 'JL. MERDEKA NO 45 KEL BABAKAN CIAMIS KEC. SUMUR BANDUNG BANDUNG JAWA BARAT',
    homepassCode: 'HP-BDG-SMB-0045',
    homepassId: '720045',
    areaId: '152',
    clusterId: '2203',
    fatCode: 'FAT-BDG-SMB-001',
    fatPort: 2,
    billCycle: 2,
    packageCode: 'STREAM-75-SEM',
    daysIntoTerm: 70,
    ont: { serial: 'ZTEGC1F09B47', model: 'ZTE F609', band: 'SINGLE' },
    story: 'eligibility: Sem 75 → Year 150 allowed (needs an ONT swap)',
  },
  {
    id: '21400003',
    name: 'DEWI LESTARI',
    customerType: 'REGULAR',
    email: 'dewi.lestari@example.com',
    phone: '+6281290005555',
    installationAddress: 'JL. DIPONEGORO NO 88 KEL CITARUM KEC. BANDUNG WETAN BANDUNG JAWA BARAT',
    homepassCode: 'HP-BDG-BWT-0088',
    homepassId: '720088',
    areaId: '152',
    clusterId: '2207',
    fatCode: 'FAT-BDG-BWT-003',
    fatPort: 1,
    billCycle: 3,
    packageCode: 'STREAM-100-SEM',
    daysIntoTerm: 15,
    ont: { serial: 'HWTC8145V502', model: 'Huawei HG8145V5', band: 'DUAL' },
    story: 'eligibility: Sem 100 → Mon 150 refused (shorter term)',
  },
  {
    id: '21400004',
    name: 'RIZKY PRATAMA',
    customerType: 'REGULAR',
    email: 'rizky.pratama@example.com',
    phone: '+6281290006666',
    installationAddress: 'JL. PEMUDA NO 21 KEL PANDANSARI KEC. SEMARANG TENGAH SEMARANG JAWA TENGAH',
    homepassCode: 'HP-SMG-SMT-0021',
    homepassId: '730021',
    areaId: '163',
    clusterId: '2315',
    fatCode: 'FAT-SMG-SMT-002',
    fatPort: 4,
    billCycle: 4,
    packageCode: 'STREAM-150-MON',
    daysIntoTerm: 10,
    ont: { serial: 'ZTEGD4A17C09', model: 'ZTE F670L', band: 'DUAL' },
    story: 'eligibility: Mon 150 → Sem 150 refused (same speed)',
  },
  {
    id: '21400005',
    name: 'MAYA ANGGRAINI',
    customerType: 'VIP',
    email: 'maya.anggraini@example.com',
    phone: '+6281290007777',
    installationAddress: 'JL. RAYA KUTA NO 9 KEL KUTA KEC. KUTA BADUNG BALI',
    homepassCode: 'HP-DPS-KTA-0009',
    homepassId: '810009',
    areaId: '171',
    clusterId: '2488',
    fatCode: 'FAT-DPS-KTA-001',
    fatPort: 6,
    billCycle: 1,
    packageCode: 'STREAMPLUS-200-YEAR',
    daysIntoTerm: 100,
    ont: { serial: 'HWTC8145V503', model: 'Huawei HG8145V5', band: 'DUAL' },
    story: 'top of the catalog: no upgrade options',
  },
];

/** The package on which the demo promo runs (deck: END PROMO … BACK TO STREAM 150 SEMESTERLY). */
const PROMO_PACKAGE_CODE = 'STREAM-150-SEM';

export async function seedDatabase(
  db: Database,
  now: Date,
): Promise<{ packages: number; customers: number }> {
  const today = jakartaDateOf(now);
  for (const spec of CATALOG) await upsertPackage(db, spec, today);
  for (const customer of DEMO_CUSTOMERS) await seedCustomer(db, customer, today);
  // Jakarta's installer has two places per slot; other areas keep the migration's default.
  await db.visitCapacity.createMany({
    data: VISIT_SLOTS.map((slot) => ({ area: 'JKT', slot, places: 2 })),
    skipDuplicates: true,
  });
  return { packages: CATALOG.length, customers: DEMO_CUSTOMERS.length };
}

async function upsertPackage(db: Database, spec: PackageSpec, today: LocalDate) {
  const fields = {
    name: spec.name,
    line: spec.line,
    speedMbps: spec.speedMbps,
    termMonths: spec.termMonths,
    priceIdr: spec.priceIdr,
    tier: spec.speedMbps,
    requiresDualBand: spec.requiresDualBand,
    termsAndConditions: termsAndConditions(spec),
  };
  const promo =
    spec.code === PROMO_PACKAGE_CODE
      ? {
          promoName: 'Promo Upgrade Selfcare',
          promoEndsOn: asDate(addMonths(today, 4)),
          promoFallbackCode: spec.code,
        }
      : {};
  await db.package.upsert({
    where: { code: spec.code },
    create: { code: spec.code, ...fields, ...promo },
    update: fields,
  });
}

async function seedCustomer(db: Database, c: DemoCustomer, today: LocalDate) {
  const existing = await db.customer.findUnique({ where: { id: c.id }, select: { id: true } });
  if (existing) {
    // Seeded before the homepass had its Area and Cluster IDs: give them, once.
    await db.customer.updateMany({
      where: { id: c.id, areaId: null },
      data: { areaId: c.areaId, clusterId: c.clusterId },
    });
    return;
  }
  const pkg = CATALOG.find((p) => p.code === c.packageCode);
  if (!pkg) throw new Error(`demo customer ${c.id} has unknown package ${c.packageCode}`);
  const periodStart = addDays(today, -c.daysIntoTerm);
  const periodEnd = addMonths(periodStart, pkg.termMonths);
  const previousStart = addMonths(periodStart, -pkg.termMonths);
  await db.$transaction([
    db.customer.create({
      data: {
        id: c.id,
        name: c.name,
        customerType: c.customerType,
        email: c.email,
        phone: c.phone,
        installationAddress: c.installationAddress,
        homepassCode: c.homepassCode,
        homepassId: c.homepassId,
        areaId: c.areaId,
        clusterId: c.clusterId,
        fatCode: c.fatCode,
        fatPort: c.fatPort,
        billCycle: c.billCycle,
      },
    }),
    db.subscription.create({
      data: {
        customerId: c.id,
        packageCode: pkg.code,
        periodStart: asDate(periodStart),
        periodEnd: asDate(periodEnd),
        status: 'ACTIVE',
      },
    }),
    db.ontDevice.create({
      data: {
        serial: c.ont.serial,
        customerId: c.id,
        model: c.ont.model,
        band: c.ont.band,
        status: 'ACTIVE',
        installedAt: asDate(addMonths(periodStart, -12)),
      },
    }),
    ...[previousStart, periodStart].map((start, index) =>
      db.payment.create({
        data: {
          customerId: c.id,
          paidAt: new Date(`${addDays(start, -2)}T10:15:00+07:00`),
          amountIdr: pkg.priceIdr,
          method: index === 0 ? 'VA_BCA' : 'OVO',
          reference: `PAY-${c.id}-${start.replaceAll('-', '')}`,
          description: `${pkg.name} ${start}`,
        },
      }),
    ),
  ]);
}

function asDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function termsAndConditions(spec: PackageSpec): string {
  const months = spec.termMonths === 1 ? '1 (satu) bulan' : `${spec.termMonths} bulan`;
  return [
    `1. Paket ${spec.name} berlaku selama ${months} sejak tanggal aktivasi atau upgrade.`,
    '2. Harga sudah termasuk PPN 11%.',
    `3. Kecepatan hingga ${spec.speedMbps} Mbps (up to), bergantung pada perangkat dan kondisi jaringan.`,
    '4. Upgrade hanya ke paket dengan kecepatan lebih tinggi dan masa langganan yang sama atau lebih panjang.',
    '5. Sisa masa langganan paket lama diperhitungkan per bulan penuh sebagai pengurang tagihan; bulan yang sudah berjalan dihitung terpakai.',
    spec.requiresDualBand
      ? '6. Paket ini memerlukan perangkat ONT Dual Band. Penggantian perangkat Single Band dilakukan teknisi tanpa biaya.'
      : '6. Paket ini dapat digunakan dengan perangkat ONT Single Band maupun Dual Band.',
    '7. Tagihan upgrade wajib dibayar paling lambat 7 hari sejak tanggal tagihan.',
  ].join('\n');
}
