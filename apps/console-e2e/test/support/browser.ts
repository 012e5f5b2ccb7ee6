import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
/**
 * Where the screenshots go: every run takes them (a page that cannot be drawn fails the test), into
 * tmp/screenshots; with UPDATE_SCREENSHOTS=1 into docs/screenshots, the README's, so a plain test run
 * leaves the checkout as it found it.
 */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'tmp/screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Debian's Chromium from PATH (testenv installs it), headless. Never a downloaded browser: playwright-core
 * ships none, and nothing here runs `playwright install`. The flags keep it from calling home (component
 * updates, background networking) so the run is offline.
 */
export async function launchChromium(): Promise<Browser> {
  const found = spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
  const executablePath = found.stdout.trim();
  if (found.status !== 0 || !executablePath) {
    throw new Error("chromium is not on PATH: run `node tools/testenv/index.mjs up --chromium` as root, or install Debian's `chromium` package");
  }
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and warnings, uncaught page errors and requests to another origin, in order. */
  problems: string[];
  /**
   * Accepts the problems matching `pattern`: only Chromium's own "Failed to load resource: … 401" line when a
   * test types a wrong key on purpose (the browser logs every refused fetch; the app cannot silence it).
   */
  allow(pattern: RegExp): void;
  /** The problems not allowed: a test passes only with none. */
  unexpectedProblems(): string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (its own sessionStorage) on the control plane's origin. Every request to
 * another origin is refused and recorded (the console must need no CDN, font or icon service), and so is
 * every console error or warning and every uncaught error of the page. `allowOrigins` lets a test reach
 * the one other origin it is about (the OIDC issuer of single sign-on).
 */
export async function openConsolePage(
  browser: Browser,
  origin: string,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; allowOrigins?: readonly string[] } = {},
): Promise<ConsolePage> {
  const reachable = new Set([origin, ...(options.allowOrigins ?? [])]);
  const problems: string[] = [];
  const context = await browser.newContext({
    baseURL: origin,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (reachable.has(new URL(url).origin)) return route.continue();
    problems.push(`request to another origin: ${route.request().method()} ${url}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()} on ${page.url()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  const allowed: RegExp[] = [];
  return {
    page,
    context,
    problems,
    allow: (pattern) => allowed.push(pattern),
    unexpectedProblems: () => problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem))),
    close: () => context.close(),
  };
}

/** Signs in with the one-time link (the key in the fragment, which no server ever sees) and waits for the app. */
export async function signInWithLink(page: Page, key: string): Promise<void> {
  await page.goto(`/ui/sign-in#key=${encodeURIComponent(key)}`);
  await mainNavigation(page).waitFor();
}

export function mainNavigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Waits until the element's text, trimmed, is `expected` (or matches it, or passes it); the page is polled, never reloaded. */
export async function waitForText(locator: Locator, expected: string | RegExp | ((text: string) => boolean), timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    last = ((await locator.textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null)) ?? '').trim();
    if (typeof expected === 'string' ? last === expected : typeof expected === 'function' ? expected(last) : expected.test(last)) return;
    if (Date.now() > deadline)
      throw new Error(`expected ${String(locator)} to read ${String(expected)} within ${timeoutMs} ms; it reads ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Writes <SCREENSHOT_DIR>/<name>.png (the viewport, so its size is fixed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Caret and animations off: the same page gives the same picture.
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}
