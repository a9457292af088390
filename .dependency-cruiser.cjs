/**
 * The layers of the code base (docs/architecture.md): a module imports only from its own layer
 * or a lower one, and no module imports itself through others (no circle). `npm run lint` runs
 * this check (`npm run layers`).
 *
 *   domain  ←  contracts  ←  services  ←  activities  ←  worker
 *                  ↑             ↑                          ↑
 *   platform (config, database, auth, telemetry; below services)   workflows (contracts, domain,
 *                                                                  activity *types* only)
 *   api (services, contracts, domain, platform, documents)  ←  the process assembly  ←  scripts
 *   test may import anything; product code never imports test/ or scripts/.
 */
const PRODUCT =
  '^(activities|api|contracts|domain|documents|emails|platform|prisma|services|workflows|worker)/';
/**
 * The process assembly (what `npm start` and the production image run): it puts the API, the
 * worker and the infrastructure together, so it sits above every layer, like scripts/. It stays in
 * platform/ while other branches still edit it; its own folder is the next step.
 */
const ASSEMBLY = '^platform/system[.]ts$';

/** `layer` imports nothing of `higher`. */
const above = (layer, higher) => ({
  from: { path: layer, pathNot: [ASSEMBLY] },
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
      name: 'product-imports-no-test-or-scripts',
      comment: 'Tests and scripts use the product, never the other way round.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: '^(test|scripts)/' },
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
      comment: 'platform/: infrastructure under every layer of the product (the assembly aside).',
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
    exclude: { path: '^(prisma/generated|node_modules|[.]build|web/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
