import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.js';

// A SIRET of the embedded registry extract (data/reference/registry-extract.json) that no demo
// organisation holds: the sign-up form is filled in from the registry.
const siret = '812 345 676 00017';
const password = 'Menuiserie-Lefevre-2026!';
const email = 'paul.lefevre@menuiserie-lefevre.example';

test('a company signs up from its SIRET, stores a document, joins a partnering exchange; a buyer finds it and targets it', async ({
  page,
}) => {
  // ---- the company: sign-up from the SIRET alone ----
  await page.goto('/inscription/siret');
  await expectAccessible(page);
  await page.locator('[name=siret]').fill(siret);
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('main')).toContainText('Nous avons trouvé votre entreprise');
  await expect(page.locator('[name=name]')).toHaveValue('Menuiserie Lefèvre SARL');
  await expectAccessible(page);
  await page.locator('[name=person_name]').fill('Paul Lefèvre');
  await page.locator('[name=email]').fill(email);
  await page.locator('[name=password]').fill(password);
  await page.locator('[name=password_confirm]').fill(password);
  await page.locator('[name=accept_terms]').check();
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(/\/inscription\/confirmation/);

  await page.goto('/connexion');
  await page.locator('[name=email]').fill(email);
  await page.locator('[name=password]').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('header')).toContainText('Paul Lefèvre');

  // ---- profile completed from the registry, then listed in the directory ----
  await page.goto('/mon-espace/entreprise');
  await page.getByRole('button', { name: 'Compléter depuis le répertoire des entreprises' }).click();
  await expect(page.locator('[name=postal_code]')).toHaveValue(/^\d{5}$/);
  await page.locator('[name=keywords]').fill('menuiserie bois, fenêtres');
  await page.locator('[name=cpv_codes]').fill('45421000');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await expect(page.locator('main')).toContainText('Le profil a été enregistré.');
  await page.getByRole('link', { name: 'Présence dans l’annuaire des fournisseurs' }).click();
  await page.getByRole('button', { name: 'Figurer dans l’annuaire' }).click();
  await expect(page.locator('main')).toContainText('Votre entreprise figure dans l’annuaire');
  await expectAccessible(page);

  // ---- a document in the vault, with its validity date ----
  await page.goto('/mon-espace/coffre-fort');
  await page.locator('[name=type]').selectOption('urssaf');
  await page.locator('[name=title]').fill('Attestation de vigilance URSSAF');
  await page.locator('[name=valid_until]').fill('2027-05-31');
  await page.locator('[name=file]').setInputFiles({
    name: 'attestation-urssaf.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% attestation de vigilance\n'),
  });
  await page.getByRole('button', { name: 'Déposer dans le coffre-fort' }).click();
  await expect(page.locator('main')).toContainText('Le document a été déposé.');
  await expect(page.locator('main table')).toContainText('Attestation de vigilance URSSAF');
  await expect(page.locator('main table')).toContainText('Valide jusqu’au 31 mai 2027');
  await expectAccessible(page);

  // ---- the partnering exchange of a published tender ----
  await page.goto('/consultations');
  await page.locator('main a[href^="/consultations/"]').first().click();
  await page.getByRole('link', { name: 'Voir la bourse à la cotraitance' }).click();
  await expectAccessible(page);
  await page.locator('[name=role]').selectOption('subcontractor');
  await page.locator('[name=skills]').fill('menuiserie bois, pose de fenêtres');
  await page.getByRole('button', { name: 'Rejoindre la bourse' }).click();
  await expect(page.locator('main')).toContainText('Votre entreprise figure dans la bourse de cette consultation.');
  await expect(page.locator('main')).toContainText('Menuiserie Lefèvre SARL');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  // ---- the buyer: finds the company in the directory and targets it ----
  await page.goto('/connexion');
  await page.locator('[name=email]').fill('acheteur@demo.halle.example');
  await page.locator('[name=password]').fill('Demo-Halle-2026!');
  await page.locator('main form button[type=submit]').click();
  await page.goto('/annuaire');
  await page.locator('[name=q]').fill('fenêtres');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('main table')).toContainText('Menuiserie Lefèvre SARL');
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Sélectionner Menuiserie Lefèvre SARL' }).check();
  await page.locator('form [name=name]').fill('Menuisiers du 93');
  await page.getByRole('button', { name: 'Enregistrer la sélection' }).click();
  await expect(page.locator('main')).toContainText('La sélection a été enregistrée.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Cibler avec une intention d’achat' }).click();
  await page.locator('[name=title]').fill('Remplacement des fenêtres de l’école Paul-Éluard');
  await page.locator('[name=cpv_code]').fill('45421000');
  await page.locator('[name=estimated_value]').fill('120000');
  await page.locator('[name=expected_on]').fill('2027-04-01');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Publier l’intention' }).click();
  await expect(page.locator('main')).toContainText('1 entreprise(s) ciblée(s) prévenue(s)');
  await expect(page.locator('main')).toContainText('Menuiserie Lefèvre SARL');
  await expectAccessible(page);
});
