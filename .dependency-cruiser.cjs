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

/** Each layer's rule: the layer's paths, the paths it must not import, and why (when the name does not say). */
const LAYERS = [
  {
    rule: 'product-imports-no-local-test-scripts-or-web',
    layer: PRODUCT,
    mayNotImport: '^(local|test|scripts|web)/',
    why: 'npm start, tests and scripts use the product, never the other way round; production never loads the local stack.',
  },
  {
    rule: 'local-below-scripts-and-test',
    layer: '^local/',
    mayNotImport: '^(test|scripts|web)/',
    why: 'local/: what npm start composes; scripts and tests may use it, not the other way round.',
  },
  {
    rule: 'web-app-alone',
    layer: '^web/',
    mayNotImport: '^(?!(web|domain|contracts|node_modules)/)[^/]+/',
    why: 'web/: the browser app; besides itself, only the pure domain/ and contracts/ it shares with the API.',
  },
  {
    rule: 'domain-is-pure',
    layer: '^domain/',
    mayNotImport: '^(?!domain/)[^/]+/',
    why: 'domain/: plain rules, nothing of ours but domain/.',
  },
  {
    rule: 'contracts-over-domain-only',
    layer: '^contracts/',
    mayNotImport: '^(?!(contracts|domain)/)[^/]+/',
    why: 'contracts/: what two sides share; it is bundled into workflows.',
  },
  {
    rule: 'platform-below-services',
    layer: '^platform/',
    mayNotImport: '^(services|activities|workflows|api|worker|emails|documents)/',
    why: 'platform/: what production runs, under every layer of the product.',
  },
  {
    rule: 'services-below-activities-and-api',
    layer: '^services/',
    mayNotImport: '^(activities|workflows|api|worker)/',
  },
  {
    rule: 'activities-below-workflows-and-worker',
    layer: '^activities/',
    mayNotImport: '^(workflows|api|worker)/',
  },
  {
    rule: 'workflows-deterministic',
    layer: '^workflows/',
    mayNotImport: '^(services|platform|api|worker|emails|documents|prisma)/',
    why: 'workflows/: contracts and domain; activities by type only (the bundle must not hold them).',
  },
  {
    rule: 'api-beside-the-worker',
    layer: '^api/',
    mayNotImport: '^(activities|workflows|worker)/',
    why: 'api/: services, contracts, domain, platform; never activities, workflows or the worker.',
  },
  { rule: 'worker-not-api', layer: '^worker/', mayNotImport: '^api/' },
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle makes load order matter and hides which module owns what.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.map(({ rule, layer, mayNotImport, why }) => ({
      name: rule,
      ...(why && { comment: why }),
      severity: 'error',
      from: { path: layer },
      to: { path: mayNotImport },
    })),
    {
      name: 'workflows-activity-types-only',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/', dependencyTypesNot: ['type-only'] },
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
