import { startTestOidcIssuer, type TestOidcIssuer } from '@base-shift/auth/testing';
import type { Browser } from 'playwright-core';
import { launchChromium, mainNavigation, openConsolePage, type ConsolePage } from './support/browser';
import { ConsoleStack } from './support/console-stack';

const CLIENT_ID = 'base-shift-console';

/**
 * Single sign-on in Chromium: a built control plane configured with the test issuer (which consents at
 * once), the console's authorization code flow with PKCE through it, and the access token used as the
 * console's bearer token. The issuer's origin is the one other origin this test lets the browser reach.
 */
describe('the operator console signs in with OIDC when configured', () => {
  let issuer: TestOidcIssuer;
  let stack: ConsoleStack;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    issuer = await startTestOidcIssuer({ audience: 'base-shift' });
    stack = await ConsoleStack.start('console-oidc-e2e', {
      OIDC_ISSUER_URL: issuer.issuerUrl,
      OIDC_AUDIENCE: issuer.audience,
      OIDC_CONSOLE_CLIENT_ID: CLIENT_ID,
      // The token carries what was asked for: workflows and templates, not pools (nor admin).
      OIDC_CONSOLE_SCOPES: 'openid workflows:read templates:read',
    });
    // The browser reads discovery and calls the token endpoint from the console's origin.
    issuer.corsOrigin = stack.baseUrl;
    browser = await launchChromium();
  });

  afterEach(async () => {
    const pages = opened.splice(0);
    await Promise.all(pages.map((consolePage) => consolePage.close()));
    expect(pages.flatMap((consolePage) => consolePage.unexpectedProblems())).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await issuer?.close();
  });

  it('signs in with single sign-on (code + PKCE), lands on the workflows signed in, shows only what the scopes allow, and signs out', async () => {
    const consolePage = await openConsolePage(browser, stack.baseUrl, { allowOrigins: [new URL(issuer.issuerUrl).origin] });
    opened.push(consolePage);
    const { page } = consolePage;
    // The scope probe of the pools (GET /pools) is refused 403 on purpose: Chromium logs that fetch itself.
    consolePage.allow(/Failed to load resource: the server responded with a status of 403/);

    await page.goto('/ui/sign-in');
    await page.getByLabel('API key').waitFor();
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await page.waitForURL(`${stack.baseUrl}/ui/workflows`);

    // A page that needs workflows:read, drawn from the API with the access token.
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    await page.getByText('No workflows').waitFor();
    await mainNavigation(page).getByRole('link', { name: 'Templates' }).waitFor();
    expect(await mainNavigation(page).getByRole('link', { name: 'Pools' }).count()).toBe(0);
    expect(await mainNavigation(page).getByRole('link', { name: 'Dead letters' }).count()).toBe(0);
    expect(page.url()).toBe(`${stack.baseUrl}/ui/workflows`);

    const [asked] = issuer.authorizationRequests;
    expect(issuer.authorizationRequests).toHaveLength(1);
    expect(asked).toMatchObject({
      clientId: CLIENT_ID,
      redirectUri: `${stack.baseUrl}/ui/sign-in/callback`,
      codeChallengeMethod: 'S256',
      scope: 'openid workflows:read templates:read',
    });
    expect(asked?.nonce).toMatch(/^[\w-]{16,}$/);
    expect(issuer.tokensIssued).toBe(1);

    const storage = await page.evaluate(() => ({
      token: sessionStorage.getItem('base-shift.key'),
      pending: sessionStorage.getItem('base-shift.oidc-pending'),
      local: JSON.stringify({ ...localStorage }),
    }));
    // A signed JWT (not an API key), kept in this tab only; the verifier is gone with the callback.
    expect(storage.token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(storage.pending).toBeNull();
    expect(storage.local).not.toContain(storage.token);

    await mainNavigation(page).getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with single sign-on' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('base-shift.key'))).toBeNull();
  });
});
