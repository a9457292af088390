/** The notices' deep links (`oxygenid://bills/…`, `oxygenid://upgrades/…`) as the app's own paths. */
const ROUTES: Array<[RegExp, (id: string) => string]> = [
  [/^oxygenid:\/\/bills\/(\d{12})$/, (code) => `/bills/${code}`],
  [/^oxygenid:\/\/upgrades\/(upgrade-\d{8}-[A-Za-z0-9_-]{1,64})$/, (id) => `/upgrades/${id}`],
];

/** The path (under /app) a deep link opens, or null for a link the app does not know. */
export function appPathOf(deepLink: string | null | undefined): string | null {
  if (!deepLink) return null;
  for (const [pattern, path] of ROUTES) {
    const match = pattern.exec(deepLink.trim());
    if (match?.[1]) return path(match[1]);
  }
  return null;
}
