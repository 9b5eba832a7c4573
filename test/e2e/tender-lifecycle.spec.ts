import { expect, test } from '@playwright/test';
import { expectAccessible, nameDemoCommittee, signedInPage, submit } from './helpers.js';

// Demo accounts (the e2e server loads the demo data): see README.
const buyer = 'acheteur@demo.halle.example';
const company = 'entreprise@demo.halle.example';
const operator = 'operateur@demo.halle.example';

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

/** Names a 2-of-2 committee with a backup holder (the three demo buyer agents); each sets a passphrase. */
test('a buyer publishes a two-lot tender; a company downloads it and asks; answer, corrigendum and registers follow', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Rénovation énergétique de l’école Paul-Bert ${Date.now()}`;
  const buyerPage = await signedInPage(browser, buyer);

  // Draft, step by step
  await buyerPage.goto('/mon-espace/consultations/nouvelle');
  await expectAccessible(buyerPage);
  await buyerPage.locator('main [name=title]').fill(title);
  await buyerPage.locator('main [name=internal_reference]').fill('DCE-2027-014');
  await buyerPage.locator('main [name=procedure_type]').selectOption('open');
  await buyerPage.locator('main [name=main_category]').selectOption('works');
  await submit(buyerPage, 'Créer le brouillon');
  await expect(buyerPage).toHaveURL(/\/modifier\/general/);
  const reference = /consultations\/(\d{4}-\d{4})\//.exec(buyerPage.url())?.[1] as string;
  expect(reference).toMatch(/^\d{4}-\d{4}$/);

  await buyerPage.locator('main [name=description]').fill('Isolation par l’extérieur, menuiseries et électricité.');
  await buyerPage.locator('main [name=cpv_codes]').fill('45000000-7');
  await buyerPage.locator('main [name=estimated_value]').fill('850 000');
  await buyerPage.locator('main [name=department]').selectOption('93');
  await buyerPage.locator('main [name=duration_months]').fill('12');
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Enregistrer et continuer');

  await expect(buyerPage).toHaveURL(/\/modifier\/lots/);
  await buyerPage.locator('main [name=first_lot_title]').fill('Gros œuvre et isolation');
  await buyerPage.locator('main [name=title]').fill('Électricité');
  await buyerPage.locator('main [name=cpv_codes]').fill('45310000-3');
  await buyerPage.locator('main [name=estimated_value]').fill('120 000');
  await submit(buyerPage, 'Ajouter le lot');
  await expect(buyerPage.locator('main')).toContainText('Électricité');
  await expectAccessible(buyerPage);
  await buyerPage.locator('main').getByRole('link', { name: 'Continuer' }).first().click();

  await expect(buyerPage).toHaveURL(/\/modifier\/clauses/);
  await buyerPage.locator('main [name=social_clause_insertion]').check();
  await buyerPage.locator('main [name=environmental_clause]').check();
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Enregistrer et continuer');

  await expect(buyerPage).toHaveURL(/\/modifier\/criteria/);
  await buyerPage.locator('main [name=label_1]').fill('Prix');
  await buyerPage.locator('main [name=kind_1]').selectOption('price');
  await buyerPage.locator('main [name=weight_1]').fill('60');
  await buyerPage.locator('main [name=label_2]').fill('Valeur technique');
  await buyerPage.locator('main [name=kind_2]').selectOption('quality');
  await buyerPage.locator('main [name=weight_2]').fill('30');
  await submit(buyerPage, 'Enregistrer les critères');
  await expect(buyerPage.locator('main')).toContainText('90');
  await expectAccessible(buyerPage);
  await buyerPage.locator('main [name=weight_2]').fill('40');
  await submit(buyerPage, 'Enregistrer les critères');
  await buyerPage.locator('main').getByRole('link', { name: 'Continuer' }).first().click();

  await expect(buyerPage).toHaveURL(/\/modifier\/deadlines/);
  await buyerPage.locator('main [name=submission_date]').fill(inDays(45));
  await buyerPage.locator('main [name=submission_time]').fill('12:00');
  await buyerPage.locator('main [name=questions_date]').fill(inDays(35));
  await buyerPage.locator('main [name=questions_time]').fill('12:00');
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Enregistrer et continuer');

  await expect(buyerPage).toHaveURL(/\/modifier\/contact/);
  await buyerPage.locator('main [name=contact_name]').fill('Service de la commande publique');
  await buyerPage.locator('main [name=contact_email]').fill('marches@montreuil.example');
  await submit(buyerPage, 'Enregistrer et continuer');
  await expect(buyerPage).toHaveURL(/\/modifier\/resume/);
  await expectAccessible(buyerPage);

  // Documents (DCE)
  await buyerPage.goto(`/mon-espace/consultations/${reference}/documents`);
  for (const [name, type] of [
    ['RC-ecole-Paul-Bert.pdf', 'rc'],
    ['CCTP-lot-1.pdf', 'cctp'],
  ] as const) {
    await buyerPage.locator('main [name=type]').selectOption(type);
    await buyerPage.locator('main [name=file]').setInputFiles({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% ${name} — règlement de la consultation\n`.repeat(200)),
    });
    await submit(buyerPage, 'Déposer le document');
    await expect(buyerPage.locator('main')).toContainText(name);
  }
  await expectAccessible(buyerPage);

  // Opening committee: two members and a backup holder, each sets a passphrase
  await nameDemoCommittee(browser, buyerPage, reference);

  // Publish
  await buyerPage.goto(`/mon-espace/consultations/${reference}/publier`);
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Publier la consultation');
  await buyerPage.goto(`/consultations/${reference}`);
  await expect(buyerPage.locator('h1')).toContainText('Paul-Bert');
  await expectAccessible(buyerPage);

  // The company downloads the whole DCE and asks a question
  const companyPage = await signedInPage(browser, company);
  await companyPage.goto(`/consultations/${reference}`);
  await expect(companyPage.locator('main')).toContainText('Électricité');
  await expectAccessible(companyPage);
  const download = companyPage.waitForEvent('download');
  await companyPage
    .locator('main')
    .getByRole('link', { name: /Télécharger tout le dossier/ })
    .click();
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  await companyPage.locator('main [name=question]').fill('Le lot 2 comprend-il le raccordement au réseau de chaleur ?');
  await submit(companyPage, 'Envoyer la question');
  await expect(companyPage.locator('main')).toContainText('raccordement au réseau de chaleur');
  await expectAccessible(companyPage);

  // The buyer answers
  await buyerPage.goto(`/mon-espace/consultations/${reference}/questions`);
  await expect(buyerPage.locator('main')).toContainText('Durand Rénovation');
  await expectAccessible(buyerPage);
  await buyerPage.locator('main [name=reponse-1]').fill('Non : le raccordement fait l’objet d’un marché distinct.');
  await submit(buyerPage, 'Publier la réponse');
  await companyPage.goto(`/consultations/${reference}`);
  await expect(companyPage.locator('main')).toContainText('marché distinct');

  // The company's mail is in the outbox (no SMTP in this run), as an operator sees it
  const operatorPage = await signedInPage(browser, operator);
  await operatorPage.goto(`/administration/courriels?destinataire=${encodeURIComponent(company)}`);
  await expect(operatorPage.locator('main')).toContainText(reference);
  await expectAccessible(operatorPage);

  // A corrigendum moves the deadline later
  await buyerPage.goto(`/mon-espace/consultations/${reference}/rectificatif`);
  await expectAccessible(buyerPage);
  await buyerPage.locator('main [name=reason]').fill('Report de la date limite à la demande de plusieurs entreprises.');
  await buyerPage.locator('main [name=submission_deadline_date]').fill(inDays(52));
  await buyerPage.locator('main [name=submission_deadline_time]').fill('12:00');
  await submit(buyerPage, 'Publier le rectificatif');
  await buyerPage.goto(`/consultations/${reference}`);
  await expect(buyerPage.locator('main')).toContainText('Report de la date limite');

  // The registers show the download and the question
  await buyerPage.goto(`/mon-espace/consultations/${reference}/registres`);
  await expect(buyerPage.locator('main')).toContainText('Durand Rénovation');
  await expect(buyerPage.locator('main')).toContainText('ZIP');
  await expect(buyerPage.locator('main')).toContainText('raccordement');
  await expectAccessible(buyerPage);
});
