import { expect, test } from '@playwright/test';
import { expectAccessible, nameDemoCommittee, signedInPage, submit } from './helpers.js';

// Demo accounts (the e2e server loads the demo data): see README. No SMTP server: mails stay in
// the outbox, which the operator reads in the back office.
const buyer = 'acheteur@demo.halle.example';
const company = 'entreprise@demo.halle.example';
const operator = 'operateur@demo.halle.example';

function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

test('a company creates an alert, a buyer publishes a matching tender, the company sees the live notification and the mail', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // The company saves a search as an alert
  const companyPage = await signedInPage(browser, company);
  await companyPage.goto('/recherche?q=hydrocurage');
  await companyPage.locator('main').getByRole('link', { name: 'Créer une alerte pour cette recherche' }).click();
  await expect(companyPage).toHaveURL(/\/mon-espace\/alertes\/nouvelle\?q=hydrocurage/);
  await expect(companyPage.locator('main')).toContainText('Sur les 30 derniers jours');
  await expectAccessible(companyPage);
  await companyPage.locator('main [name=name]').fill('Hydrocurage des réseaux');
  await companyPage.locator('main [name=frequency]').selectOption('immediate');
  await submit(companyPage, 'Enregistrer l’alerte');
  await expect(companyPage).toHaveURL(/\/mon-espace\/alertes\?ok=creee/);
  await expect(companyPage.locator('main')).toContainText('Hydrocurage des réseaux');
  await expectAccessible(companyPage);

  // The company keeps its notification centre open (live updates, no reload)
  await companyPage.goto('/mon-espace/notifications');
  await expectAccessible(companyPage);

  // The buyer drafts and publishes a matching tender
  const title = `Hydrocurage des réseaux d’assainissement ${Date.now()}`;
  const buyerPage = await signedInPage(browser, buyer);
  await buyerPage.goto('/mon-espace/consultations/nouvelle');
  await buyerPage.locator('main [name=title]').fill(title);
  await buyerPage.locator('main [name=procedure_type]').selectOption('open');
  await buyerPage.locator('main [name=main_category]').selectOption('services');
  await submit(buyerPage, 'Créer le brouillon');
  await expect(buyerPage).toHaveURL(/\/modifier\/general/);
  const reference = /consultations\/(\d{4}-\d{4})\//.exec(buyerPage.url())?.[1] as string;
  await buyerPage.locator('main [name=description]').fill('Curage et inspection télévisée des collecteurs.');
  await buyerPage.locator('main [name=cpv_codes]').fill('90470000-2');
  await buyerPage.locator('main [name=estimated_value]').fill('90 000');
  await buyerPage.locator('main [name=department]').selectOption('93');
  await buyerPage.locator('main [name=duration_months]').fill('12');
  await submit(buyerPage, 'Enregistrer et continuer');
  await expect(buyerPage).toHaveURL(/\/modifier\/lots/);
  await buyerPage.locator('main').getByRole('link', { name: 'Continuer' }).first().click();
  await expect(buyerPage).toHaveURL(/\/modifier\/clauses/);
  await submit(buyerPage, 'Enregistrer et continuer');
  await expect(buyerPage).toHaveURL(/\/modifier\/criteria/);
  await buyerPage.locator('main [name=label_1]').fill('Prix');
  await buyerPage.locator('main [name=kind_1]').selectOption('price');
  await buyerPage.locator('main [name=weight_1]').fill('100');
  // an undivided tender goes straight on to the next step
  await submit(buyerPage, 'Enregistrer les critères');
  await expect(buyerPage).toHaveURL(/\/modifier\/deadlines/);
  await buyerPage.locator('main [name=submission_date]').fill(inDays(40));
  await buyerPage.locator('main [name=submission_time]').fill('12:00');
  await buyerPage.locator('main [name=questions_date]').fill(inDays(30));
  await buyerPage.locator('main [name=questions_time]').fill('12:00');
  await submit(buyerPage, 'Enregistrer et continuer');
  await expect(buyerPage).toHaveURL(/\/modifier\/contact/);
  await buyerPage.locator('main [name=contact_name]').fill('Direction de l’eau');
  await buyerPage.locator('main [name=contact_email]').fill('eau@montreuil.example');
  await submit(buyerPage, 'Enregistrer et continuer');
  await buyerPage.goto(`/mon-espace/consultations/${reference}/documents`);
  await buyerPage.locator('main [name=type]').selectOption('rc');
  await buyerPage.locator('main [name=file]').setInputFiles({
    name: 'RC-hydrocurage.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% règlement de la consultation\n'.repeat(100)),
  });
  await submit(buyerPage, 'Déposer le document');
  await expect(buyerPage.locator('main')).toContainText('RC-hydrocurage.pdf');
  await nameDemoCommittee(browser, buyerPage, reference);
  await buyerPage.goto(`/mon-espace/consultations/${reference}/publier`);
  await submit(buyerPage, 'Publier la consultation');
  await buyerPage.goto(`/consultations/${reference}`);
  await expect(buyerPage.locator('h1')).toContainText('Hydrocurage');

  // The notification arrives on the open page, with the badge, without a reload
  await expect(companyPage.locator('#notifications-list')).toContainText(title, { timeout: 20_000 });
  await expect(companyPage.locator('#notifications-badge')).toHaveText('1 non lue(s)');
  await expectAccessible(companyPage);
  await companyPage.locator('#notifications-list').getByRole('link', { name: title }).click();
  await expect(companyPage).toHaveURL(new RegExp(`/consultations/${reference}$`));

  // The mail is in the outbox (no SMTP server in the demo), with its unsubscribe link
  const operatorPage = await signedInPage(browser, operator);
  await operatorPage.goto('/administration/courriels');
  const row = operatorPage.locator('main tr', { hasText: 'Hydrocurage des réseaux' }).first();
  await expect(row).toContainText(company);
  await row.getByRole('link').first().click();
  await expect(operatorPage.locator('main')).toContainText(title);
  await expect(operatorPage.locator('main')).toContainText('/alertes/desabonnement/');
  await expectAccessible(operatorPage);
});
