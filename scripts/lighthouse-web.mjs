/**
 * Lighthouse's mobile scores (performance, accessibility, best practices) for the web app's Home
 * Page and quote screen, against a running system (`npm start`), signed in as AHMAD TARMIZI by the
 * development sign-in in the same tab (the session is per tab). A figure for the README, not a test.
 *
 *   node scripts/lighthouse-web.mjs [apiUrl]      (default http://localhost:3000; CHROMIUM_PATH)
 */
import { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/app/`);
  const button = await page.waitForSelector('::-p-text(AHMAD TARMIZI)');
  await button.click();
  await page.waitForSelector('::-p-text(Paket Aktif)');
  const flow = await startFlow(page, {
    config: { extends: 'lighthouse:default', settings: { disableStorageReset: true, formFactor: 'mobile' } },
  });
  for (const path of ['/app/', '/app/packages/STREAM-150-SEM/upgrade']) {
    await flow.navigate(`${base}${path}`, { name: path });
  }
  const { steps } = await flow.createFlowResult();
  for (const step of steps) {
    const c = step.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    console.log(
      `${step.name}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}`,
    );
    for (const k of ['performance', 'accessibility']) {
      for (const ref of c[k].auditRefs) {
        const audit = step.lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 0.9)
          console.log(`  ${k}: ${ref.id} ${audit.score} ${audit.displayValue ?? ''}`);
      }
    }
  }
} finally {
  await browser.close();
}
