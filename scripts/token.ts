/**
 * Mints a bearer token for trying the API by hand:
 *   npm run token -- customer 21314849      (the Selfcare app's customer)
 *   npm run token -- technician tech-budi   (the installer vendor's technician)
 *   npm run token -- cs cs-rina             (customer service: the CS console)
 *   npm run token -- operator ops-dimas     (operations: the ops views)
 * Options: --hours N (default 12). The development OpenID provider that `npm start` runs signs
 * it (OIDC_ISSUER / OIDC_PORT); refused in production.
 */
import { mintDevelopmentToken, ROLES, type Role } from '../platform/auth';

async function main() {
  const args = process.argv.slice(2);
  const hoursAt = args.indexOf('--hours');
  const hours = hoursAt >= 0 ? Number(args.splice(hoursAt, 2)[1]) : 12;
  const [role, sub] = args;
  if (!role || !ROLES.includes(role as Role) || !sub || !(hours > 0)) {
    process.stderr.write('usage: npm run token -- <customer|technician|cs|operator> <subject> [--hours N]\n');
    process.exit(2);
  }
  process.stdout.write(`${await mintDevelopmentToken({ role: role as Role, subject: sub, hours })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
