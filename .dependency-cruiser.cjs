/**
 * The layers of the code base (docs/architecture.md): a module imports only from its own layer
 * or a lower one, and no module imports itself through others (no circle). `npm run lint` runs
 * this check (`npm run layers`).
 *
 *   domain  ←  contracts  ←  services  ←  activities  ←  worker (its front door: worker/main.ts)
 *                  ↑             ↑                          ↑
 *   platform (config, database, auth, telemetry; below services)   workflows (contracts, domain,
 *                                                                  activity *types* only)
 *   api (services, contracts, domain, platform, documents; its front door: api/server.ts)
 *   local (npm start: the front doors' parts composed with a laptop's infrastructure)
 *     ←  scripts, test
 *   web (the browser app): itself, and the pure domain/ and contracts/ it shares with the API.
 *   test may import anything; product code never imports local/, test/, scripts/ or web/.
 */
const PRODUCT =
  '^(activities|api|contracts|domain|documents|emails|platform|prisma|services|workflows|worker)/';

/** `layer` imports nothing of `higher`. */
const above = (layer, higher) => ({
  from: { path: layer },
  to: { path: higher },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'product-imports-no-local-test-scripts-or-web',
      comment:
        'npm start, tests and scripts use the product, never the other way round; production never loads the local stack.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: '^(local|test|scripts|web)/' },
    },
    {
      name: 'local-below-scripts-and-test',
      comment: 'local/: what npm start composes; scripts and tests may use it, not the other way round.',
      severity: 'error',
      ...above('^local/', '^(test|scripts|web)/'),
    },
    {
      name: 'web-app-alone',
      comment:
        'web/: the browser app; besides itself, only the pure domain/ and contracts/ it shares with the API.',
      severity: 'error',
      ...above('^web/', '^(?!(web|domain|contracts|node_modules)/)[^/]+/'),
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/: plain rules, nothing of ours but domain/.',
      severity: 'error',
      ...above('^domain/', '^(?!domain/)[^/]+/'),
    },
    {
      name: 'contracts-over-domain-only',
      comment: 'contracts/: what two sides share; it is bundled into workflows.',
      severity: 'error',
      ...above('^contracts/', '^(?!(contracts|domain)/)[^/]+/'),
    },
    {
      name: 'platform-below-services',
      comment: 'platform/: what production runs, under every layer of the product.',
      severity: 'error',
      ...above('^platform/', '^(services|activities|workflows|api|worker|emails|documents)/'),
    },
    {
      name: 'services-below-activities-and-api',
      severity: 'error',
      ...above('^services/', '^(activities|workflows|api|worker)/'),
    },
    {
      name: 'activities-below-workflows-and-worker',
      severity: 'error',
      ...above('^activities/', '^(workflows|api|worker)/'),
    },
    {
      name: 'workflows-deterministic',
      comment: 'workflows/: contracts and domain; activities by type only (the bundle must not hold them).',
      severity: 'error',
      ...above('^workflows/', '^(services|platform|api|worker|emails|documents|prisma)/'),
    },
    {
      name: 'workflows-activity-types-only',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-beside-the-worker',
      comment: 'api/: services, contracts, domain, platform; never activities, workflows or the worker.',
      severity: 'error',
      ...above('^api/', '^(activities|workflows|worker)/'),
    },
    {
      name: 'worker-not-api',
      severity: 'error',
      ...above('^worker/', '^api/'),
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(prisma/generated|node_modules|[.]build)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // .d.ts: the web app's API types (web/src/api/schema.d.ts, generated from the OpenAPI document).
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] },
  },
};
