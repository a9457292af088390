import { jakartaDateOf } from '../../domain';
import { notFound } from '../../platform/http/problem';
import { byCatalogOrder, toPackageDetailView, toPackageSpec, toPackageView } from '../../services/catalog';
import { ok, operationsOf, problem } from '../operation';

const operation = operationsOf('Catalog');

export const CATALOG = [
  operation({
    operationId: 'listPackages',
    route: 'GET /v1/packages',
    summary: 'The active catalog',
    description: 'Every active package, by speed, then term, then product line, with its promo if one runs.',
    access: 'any',
    responses: { 200: ok('the catalog', 'PackageList') },
    handler: async (_, { db }) => {
      const rows = await db.package.findMany({ where: { active: true }, include: { promoFallback: true } });
      const today = jakartaDateOf(new Date());
      const packages = rows
        .sort((a, b) => byCatalogOrder(toPackageSpec(a), toPackageSpec(b)))
        .map((row) => toPackageView(row, today));
      return { packages };
    },
  }),
  operation({
    operationId: 'getPackage',
    route: 'GET /v1/packages/{packageCode}',
    summary: 'A package with its terms and conditions (S&K)',
    description: 'View Detail + S&K.',
    access: 'any',
    responses: {
      200: ok('the package', 'PackageDetailView'),
      404: problem('no active package has this code'),
    },
    handler: async ({ params: { packageCode: code } }, { db }) => {
      const row = await db.package.findUnique({ where: { code }, include: { promoFallback: true } });
      if (!row?.active) throw notFound(`package ${code} does not exist`);
      return toPackageDetailView(row, jakartaDateOf(new Date()));
    },
  }),
];
