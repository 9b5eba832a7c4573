import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';

/** No WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The password of every demo account (see README). */
export const demoPassword = 'Demo-Halle-2026!';

/** A fresh browser context signed in as a demo account, in French. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/connexion');
  await page.locator('main [name=email]').fill(email);
  await page.locator('main [name=password]').fill(demoPassword);
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('header')).toContainText('Se déconnecter');
  return page;
}

/** Clicks the first button of the main content with this name. */
export async function submit(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('main').getByRole('button', { name: label }).first().click();
}

/**
 * Names the opening committee of a demo tender of Ville de Montreuil (2 of 2, with the third agent
 * as backup), then each holder sets a passphrase: a tender cannot be published without it.
 * `buyerPage` is signed in as acheteur@demo.halle.example.
 */
export async function nameDemoCommittee(browser: Browser, buyerPage: Page, reference: string): Promise<void> {
  await buyerPage.goto(`/mon-espace/consultations/${reference}/commission`);
  await buyerPage
    .locator('main')
    .getByLabel(/acheteur@demo/)
    .check();
  await buyerPage
    .locator('main')
    .getByLabel(/agent@demo/)
    .check();
  await buyerPage.locator('main [name=threshold]').fill('2');
  await buyerPage.locator('main [name=backup]').selectOption({ label: 'Karim Haddad (secours@demo.halle.example)' });
  await submit(buyerPage, 'Nommer la commission');
  await expect(buyerPage.locator('main')).toContainText('Commission nommée');
  await expectAccessible(buyerPage);
  for (const email of ['acheteur@demo.halle.example', 'agent@demo.halle.example', 'secours@demo.halle.example']) {
    const page = email === 'acheteur@demo.halle.example' ? buyerPage : await signedInPage(browser, email);
    await page.goto('/mon-espace/cles');
    await page
      .locator('main')
      .getByRole('link', { name: new RegExp(reference) })
      .click();
    await page.locator('main [name=passphrase]').fill(`phrase de passe de ${email}`);
    await page.locator('main [name=confirmation]').fill(`phrase de passe de ${email}`);
    await submit(page, 'Enregistrer ma phrase de passe');
    await expect(page.locator('main')).toContainText('protège désormais votre part');
    if (page !== buyerPage) await page.context().close();
  }
}
