/**
 * Lighthouse's mobile scores (performance, accessibility, best practices) for the customer's three
 * screens of issue 33's goal — the Home Page, the package list and the quote — against a running
 * system (`npm start`), signed in as AHMAD TARMIZI by the development sign-in in the same tab (the
 * session is per tab). Lighthouse's default mobile settings: a Moto G Power-size screen, simulated
 * slow 4G (150 ms RTT, 1.6 Mbit/s) and a 4× slower CPU. Prints each page's scores, its bytes on the
 * wire, the audits that cost points, and the machine's load average (the CPU part of the simulation
 * runs on this machine: a loaded one scores lower). A figure for docs/benchmarks.md, not a test.
 *
 *   node scripts/lighthouse-web.mjs [apiUrl] [runs]   (default http://localhost:3000, 1 run; CHROMIUM_PATH)
 *
 * Goals (issue 33): performance ≥ 90 and accessibility 100 on each page; exits 1 when one is missed.
 */
import os from 'node:os';
import { startFlow } from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const runs = Number(process.argv[3] ?? 1);
const PAGES = [
  { name: 'Home Page', path: '/app/' },
  { name: 'package list', path: '/app/packages' },
  { name: 'quote', path: '/app/packages/STREAM-150-SEM/upgrade' },
];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
let missed = false;
try {
  // Signed in once; each page is then measured in a tab of its own that starts with this tab's
  // session (sessionStorage, as a link opened from the app gets it) and a cold cache: a phone
  // opening that screen, not the third page of a long-lived tab.
  const signIn = await browser.newPage();
  await signIn.goto(`${base}/app/`);
  const button = await signIn.waitForSelector('::-p-text(AHMAD TARMIZI)');
  await button.click();
  await signIn.waitForSelector('::-p-text(Paket Aktif)');
  const session = await signIn.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
  await signIn.close();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  console.log(`load average before: ${load()} (${os.cpus().length} CPUs)`);
  for (let run = 1; run <= runs; run++) {
    const steps = [];
    for (const { name, path } of PAGES) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(
        (origin, entries) => {
          if (location.origin !== origin) return;
          for (const [key, value] of JSON.parse(entries)) sessionStorage.setItem(key, value);
        },
        new URL(base).origin,
        session,
      );
      const flow = await startFlow(page, {
        config: { extends: 'lighthouse:default', settings: { formFactor: 'mobile' } },
      });
      await flow.navigate(`${base}${path}`, { name });
      steps.push(...(await flow.createFlowResult()).steps);
      await page.close();
    }
    for (const step of steps) {
      const c = step.lhr.categories;
      const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
      const audit = (id) => step.lhr.audits[id];
      const kib = (audit('total-byte-weight').numericValue / 1024).toFixed(1);
      const ms = (id) => `${(audit(id).numericValue / 1000).toFixed(1)} s`;
      console.log(
        `run ${run}, ${step.name}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}; ${kib} KiB on the wire; FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${Math.round(audit('total-blocking-time').numericValue)} ms, SI ${ms('speed-index')}`,
      );
      if (step.lhr.runtimeError)
        console.log(
          `  Lighthouse could not measure: ${step.lhr.runtimeError.code} ${step.lhr.runtimeError.message}`,
        );
      // Measured signed in: the screen itself, not the provider's sign-in page.
      if (!step.lhr.finalDisplayedUrl.startsWith(`${base}/app/`))
        console.log(`  not signed in: ended at ${step.lhr.finalDisplayedUrl}`);
      if (score('performance') < 90 || score('accessibility') < 100) missed = true;
      if (score('performance') < 90) {
        // Where the main thread's time went, and its longest tasks (what Total Blocking Time counts).
        const bootup = audit('bootup-time').details?.items ?? [];
        for (const item of bootup.slice(0, 4))
          console.log(
            `  script ${item.url}: ${Math.round(item.total)} ms (${Math.round(item.scripting)} ms scripting, ${Math.round(item.scriptParseCompile)} ms parse)`,
          );
        const work = audit('mainthread-work-breakdown').details?.items ?? [];
        console.log(
          `  main thread: ${work.map((w) => `${w.groupLabel} ${Math.round(w.duration)} ms`).join(', ')}`,
        );
        const tasks = audit('long-tasks').details?.items ?? [];
        for (const task of tasks.slice(0, 5))
          console.log(
            `  long task at ${Math.round(task.startTime)} ms: ${Math.round(task.duration)} ms ${task.url ?? ''}`,
          );
      }
      for (const k of ['performance', 'accessibility']) {
        for (const ref of c[k].auditRefs) {
          const a = audit(ref.id);
          if (ref.weight > 0 && a.score !== null && a.score < 0.9)
            console.log(`  ${k}: ${ref.id} ${a.score} ${a.displayValue ?? ''}`);
        }
      }
    }
    console.log(`load average after run ${run}: ${load()}`);
  }
} finally {
  await browser.close();
}
process.exit(missed ? 1 : 0);
