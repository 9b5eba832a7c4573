import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './helpers.js';

// Demo accounts (the e2e server loads the demo data): see README.
const password = 'Demo-Halle-2026!';
const company = 'collaborateur@demo.halle.example';

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/connexion');
  await page.locator('main [name=email]').fill(email);
  await page.locator('main [name=password]').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('header')).toContainText('Se déconnecter');
}

/** Links to notices in the main content of a results page. */
const noticeLinks = (page: Page) => page.locator('main a[href^="/consultations/"]');

/** Searches on /recherche for open works tenders and narrows them with the first category offered. */
async function findOpenTenders(page: Page): Promise<void> {
  const search = await page.goto('/recherche');
  expect(search?.status()).toBe(200);
  await expectAccessible(page);
  const main = page.locator('main');
  await main.locator('[name=q]').fill('travaux');
  await main.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page).toHaveURL(/\/recherche\?.*q=travaux/);
  await expectAccessible(page);
  const category = main.getByRole('group', { name: 'Catégorie' }).getByRole('checkbox').first();
  await category.check();
  await main.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(page).toHaveURL(/category=/);
  await expectAccessible(page);
  await expect(noticeLinks(page).first()).toBeVisible();
}

/** Adds the second result to the watchlist from the results page itself, which comes back unchanged. */
async function watchFromResults(page: Page): Promise<void> {
  const results = page.locator('main li.card');
  await expect(results.nth(1)).toBeVisible();
  const url = page.url();
  const second = results.nth(1);
  const title = ((await second.locator('h3').textContent()) ?? '').trim();
  const remove = second.getByRole('button', { name: /^Retirer de mon panier/ });
  if (await remove.isVisible()) await remove.click();
  await second.getByRole('button', { name: `Ajouter à mon panier : ${title}` }).click();
  await expect(page).toHaveURL(url);
  await expect(
    page
      .locator('main li.card')
      .nth(1)
      .getByRole('button', { name: `Retirer de mon panier : ${title}` }),
  ).toBeVisible();
  await expectAccessible(page);
}

test('a company user searches, filters, opens a notice and keeps it in the watchlist', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, company);

  await findOpenTenders(page);
  await watchFromResults(page);
  const first = noticeLinks(page).first();
  await expect(first).toBeVisible();
  const href = (await first.getAttribute('href')) as string;
  const reference = href.split('/').pop()?.split('?')[0] as string;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${reference}`));
  await expectAccessible(page);

  // add it from the notice page; the page comes back with the opposite button
  const main = page.locator('main');
  if (await main.getByRole('button', { name: 'Retirer de mon panier' }).isVisible()) {
    await main.getByRole('button', { name: 'Retirer de mon panier' }).click();
  }
  await main.getByRole('button', { name: 'Ajouter à mon panier' }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${reference}$`));
  await expect(main.getByRole('button', { name: 'Retirer de mon panier' })).toBeVisible();
  await expectAccessible(page);

  // the watchlist shows it with its deadline in Paris time
  await page.goto('/mon-espace/panier');
  await expect(page.locator('h1')).toHaveText('Mon panier de consultations');
  const row = page.locator('main table tbody tr', { hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('heure de Paris');
  await expectAccessible(page);

  // its calendar: create the secret address, the feed answers ICS
  await page.getByRole('link', { name: 'Calendrier des dates limites (ICS)' }).click();
  await expectAccessible(page);
  await main.getByRole('button', { name: 'Créer l’adresse du calendrier' }).click();
  const address = await page.locator('#adresse-calendrier').inputValue();
  expect(address).toMatch(/\/panier\/calendrier\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectAccessible(page);
  const ics = await page.request.get(new URL(address).pathname);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await ics.text()).toContain(`SUMMARY:Date limite de remise — ${reference}`);

  // any search is also a feed
  const feed = await page.request.get('/recherche/flux.atom?q=travaux&status=open');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

  // and removing it from the watchlist page empties the row
  await page.goto('/mon-espace/panier');
  await page.locator('main table tbody tr', { hasText: reference }).getByRole('button').click();
  await expect(page.locator('main')).toContainText('La consultation a été retirée de votre panier.');
  await expect(page.locator('main table tbody tr', { hasText: reference })).toHaveCount(0);
  await expectAccessible(page);
});
