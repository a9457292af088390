import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with no network of its own (this machine has none; the flags
 * stop it from trying). `CHROMIUM_PATH` points elsewhere.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
