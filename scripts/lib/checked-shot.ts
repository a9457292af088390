/**
 * A screenshot that is also checked: axe-core (the tests' rules, serious and critical only) runs on
 * the screen as shot, and what it finds is kept, so the script that took the pictures fails when
 * one of them shows a screen people could not use.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../../test/helpers/browser';

const found: string[] = [];

/** Shoots the whole page into `dir/file`, then checks it with axe-core. */
export async function checkedShot(page: Page, dir: string, file: string): Promise<void> {
  await page.screenshot({ path: path.join(dir, file), fullPage: true });
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const violations = await accessibilityViolations(page);
  for (const violation of violations) found.push(`${file}: ${violation}`);
  console.log(
    `→ ${path.relative(process.cwd(), path.join(dir, file))} (${width}×${height}, axe: ${violations.length})`,
  );
}

/** Every axe-core finding on the screens shot so far. */
export const accessibilityFindings = (): readonly string[] => found;
