import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.js';

// A valid SIRET (Luhn) that the demo data does not use; the run starts from an empty database.
const siret = '847 316 205 00016';
const password = 'Ateliers-Bleus-2026!';

test('a company creates its account from its SIRET, signs in, invites a colleague and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Créer un compte entreprise' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A wrong SIRET first: the error is shown next to the field, in French.
  await page.locator('[name=siret]').fill('123 456 789 00000');
  await page.locator('[name=name]').fill('Les Ateliers Bleus');
  await page.locator('[name=naf]').selectOption('43.21A');
  await page.locator('[name=size]').selectOption('PME');
  await page.locator('[name=department]').selectOption('93');
  await page.locator('[name=city]').fill('Montreuil');
  await page.locator('[name=person_name]').fill('Nadia Benali');
  await page.locator('[name=email]').fill('nadia.benali@ateliers-bleus.example');
  await page.locator('[name=password]').fill(password);
  await page.locator('[name=password_confirm]').fill(password);
  await page.locator('[name=accept_terms]').check();
  await page.locator('main form button[type=submit]').click();
  await expect(page.getByRole('alert').first()).toContainText('SIRET');
  await expectAccessible(page);

  await page.locator('[name=siret]').fill(siret);
  await page.locator('[name=password]').fill(password);
  await page.locator('[name=password_confirm]').fill(password);
  await page.locator('main form button[type=submit]').click();

  // The confirmation page says a verification link was mailed, and leads to sign-in.
  await expect(page).toHaveURL(/\/inscription\/confirmation/);
  await expect(page.locator('main')).toContainText('Compte créé');
  await expectAccessible(page);
  await page
    .locator('main')
    .getByRole('link', { name: /connecter/i })
    .first()
    .click();
  await expectAccessible(page);
  await page.locator('[name=email]').fill('nadia.benali@ateliers-bleus.example');
  await page.locator('[name=password]').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('header')).toContainText('Nadia Benali');

  await page.goto('/mon-espace/organisation');
  await expect(page.locator('main')).toContainText('Les Ateliers Bleus');
  await expect(page.locator('main')).toContainText('847 316 205 00016');
  await expectAccessible(page);

  await page.locator('form [name=email]').fill('karim.diallo@ateliers-bleus.example');
  await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(page.locator('main')).toContainText('karim.diallo@ateliers-bleus.example');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.locator('header')).toContainText('Se connecter');
  await expectAccessible(page);
});
