import { Router } from 'express';
import { renderDocsPage } from '../contract/docs-page';
import { buildOpenApiDocument } from '../openapi';

/** The contract: `/openapi.json` and the same as a page at `/docs`. Public, built once. */
export function openApiRouter(): Router {
  const router = Router();
  const document = buildOpenApiDocument();
  const page = renderDocsPage(document);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('text/html; charset=utf-8').send(page);
  });
  return router;
}
