import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium package; playwright-core brings no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless chromium with a fresh profile in a temporary directory (playwright refuses
 * `--user-data-dir` as an argument, so the profile is passed the way it asks for it).
 */
export async function launchChromium(
  options: { width?: number; height?: number; /** A phone's touch screen, so a test can tap. */ touch?: boolean } = {},
): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'pacebot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: options.width ?? 1100, height: options.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...(options.touch ? { hasTouch: true } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
