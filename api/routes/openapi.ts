import { Router } from 'express';
import { buildOpenApiDocument } from '../openapi';

export function openApiRouter(): Router {
  const router = Router();
  const document = buildOpenApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
