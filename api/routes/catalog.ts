import { Router } from 'express';
import { jakartaDateOf } from '../../domain';
import { byCatalogOrder, toPackageDetailView, toPackageSpec, toPackageView } from '../../services/catalog';
import type { ApiDependencies } from '../app';
import { notFound } from '../problem';
import { NoQuery, PackageCodeParam } from '../schemas';
import { parseOr400 } from '../validation';

export function catalogRouter({ db }: ApiDependencies): Router {
  const router = Router();

  router.get('/packages', async (req, res) => {
    parseOr400(NoQuery, req.query, 'query');
    const rows = await db.package.findMany({ where: { active: true }, include: { promoFallback: true } });
    const today = jakartaDateOf(new Date());
    const packages = rows
      .sort((a, b) => byCatalogOrder(toPackageSpec(a), toPackageSpec(b)))
      .map((row) => toPackageView(row, today));
    res.json({ packages });
  });

  router.get('/packages/:packageCode', async (req, res) => {
    const code = parseOr400(PackageCodeParam, req.params.packageCode, 'packageCode');
    parseOr400(NoQuery, req.query, 'query');
    const row = await db.package.findUnique({ where: { code }, include: { promoFallback: true } });
    if (!row?.active) throw notFound(`package ${code} does not exist`);
    res.json(toPackageDetailView(row, jakartaDateOf(new Date())));
  });

  return router;
}
