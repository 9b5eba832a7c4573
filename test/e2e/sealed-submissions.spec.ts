import { expect, type Page, test } from '@playwright/test';
import { verifyReceipt } from '../../src/modules/submissions/domain/receipt.js';
import { expectAccessible, signedInPage, submit } from './helpers.js';

// Demo accounts (the e2e server loads the demo data): see README.
const buyer = 'acheteur@demo.halle.example';
const companyA = 'entreprise@demo.halle.example';
const companyB = 'concurrente@demo.halle.example';
const holders = [buyer, 'agent@demo.halle.example', 'secours@demo.halle.example'];

/** Paris wall-clock date and time (minutes) of an instant, as the deadline fields take them. */
function parisInputs(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Chooses lot 1 and adds a candidature and an offer (through the resumable upload of the page). */
async function prepare(page: Page, reference: string, offerText: string): Promise<void> {
  await page.goto(`/consultations/${reference}/depot`);
  await page.locator('main #lot-1').check();
  await submit(page, 'Enregistrer');
  for (const [kind, name, text] of [
    ['candidature', 'DUME.pdf', 'DUME'],
    ['offer:1', 'Offre-lot-1.pdf', offerText],
  ] as const) {
    await page.locator('main [name=kind]').selectOption(kind);
    await page
      .locator('main [name=file]')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n${text}\n`.repeat(3000)) });
    await submit(page, /Ajouter le fichier/);
    await expect(page.locator('main')).toContainText(`Fichier « ${name} » chiffré et enregistré`);
  }
}

async function seal(page: Page, reference: string, publicKey: string): Promise<void> {
  await page.goto(`/consultations/${reference}/depot`);
  await submit(page, 'Sceller et déposer mon pli');
  await expect(page.locator('h1')).toContainText('Accusé de réception');
  const id = /depots\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const json = await page.request.get(`/mon-espace/depots/${id}/accuse.json`);
  expect(verifyReceipt(await json.json(), publicKey)).toEqual({ valid: true });
}

test('a 2-of-3 committee, two companies (one twice, one late), signed receipts, opening by two holders, then evaluation, award, rejection letter and contracts', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const buyerPage = await signedInPage(browser, buyer);
  // a deadline a few minutes ahead (whole minutes, Paris time): the journey waits for it
  const deadline = new Date(Math.ceil((Date.now() + 5 * 60_000) / 60_000) * 60_000);
  const inputs = parisInputs(deadline);

  await buyerPage.goto('/mon-espace/consultations/nouvelle');
  await buyerPage.locator('main [name=title]').fill(`Réfection de la toiture du gymnase ${Date.now()}`);
  await buyerPage.locator('main [name=procedure_type]').selectOption('adapted');
  await buyerPage.locator('main [name=main_category]').selectOption('works');
  await submit(buyerPage, 'Créer le brouillon');
  await expect(buyerPage).toHaveURL(/\/modifier\/general/);
  const reference = /consultations\/(\d{4}-\d{4})\//.exec(buyerPage.url())?.[1] as string;
  await buyerPage.locator('main [name=description]').fill('Réfection complète de la couverture.');
  await buyerPage.locator('main [name=cpv_codes]').fill('45261000-4');
  await buyerPage.locator('main [name=department]').selectOption('93');
  await submit(buyerPage, 'Enregistrer et continuer');
  await buyerPage.locator('main [name=first_lot_title]').fill('Couverture');
  await buyerPage.locator('main [name=title]').fill('Zinguerie');
  await submit(buyerPage, 'Ajouter le lot');
  await buyerPage.locator('main').getByRole('link', { name: 'Continuer' }).first().click();
  await submit(buyerPage, 'Enregistrer et continuer');
  await buyerPage.locator('main [name=label_1]').fill('Prix');
  await buyerPage.locator('main [name=kind_1]').selectOption('price');
  await buyerPage.locator('main [name=weight_1]').fill('60');
  await buyerPage.locator('main [name=label_2]').fill('Valeur technique');
  await buyerPage.locator('main [name=kind_2]').selectOption('quality');
  await buyerPage.locator('main [name=weight_2]').fill('40');
  await submit(buyerPage, 'Enregistrer les critères');
  await buyerPage.locator('main').getByRole('link', { name: 'Continuer' }).first().click();
  await expect(buyerPage).toHaveURL(/\/modifier\/deadlines/);
  await buyerPage.locator('main [name=submission_date]').fill(inputs.date);
  await buyerPage.locator('main [name=submission_time]').fill(inputs.time);
  await submit(buyerPage, 'Enregistrer et continuer');
  await expect(buyerPage).toHaveURL(/\/modifier\/contact/);
  await buyerPage.locator('main [name=contact_name]').fill('Service de la commande publique');
  await buyerPage.locator('main [name=contact_email]').fill('marches@montreuil.example');
  await submit(buyerPage, 'Enregistrer et continuer');
  await buyerPage.goto(`/mon-espace/consultations/${reference}/documents`);
  await buyerPage.locator('main [name=type]').selectOption('rc');
  await buyerPage
    .locator('main [name=file]')
    .setInputFiles({ name: 'RC.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nRC\n') });
  await submit(buyerPage, 'Déposer le document');

  // the committee: two members and a backup holder, any two of the three open
  await buyerPage.goto(`/mon-espace/consultations/${reference}/publier`);
  await expect(buyerPage.locator('main')).toContainText('Nommez la commission d’ouverture des plis');
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
  const holderPages: Page[] = [];
  for (const email of holders) {
    const page = email === buyer ? buyerPage : await signedInPage(browser, email);
    holderPages.push(page);
    await page.goto('/mon-espace/cles');
    await page
      .locator('main')
      .getByRole('link', { name: new RegExp(reference) })
      .click();
    await expectAccessible(page);
    await page.locator('main [name=passphrase]').fill(`phrase de passe de ${email}`);
    await page.locator('main [name=confirmation]').fill(`phrase de passe de ${email}`);
    await submit(page, 'Enregistrer ma phrase de passe');
    await expect(page.locator('main')).toContainText('protège désormais votre part');
  }
  await buyerPage.goto(`/mon-espace/consultations/${reference}/publier`);
  await submit(buyerPage, 'Publier la consultation');
  await expect(buyerPage).toHaveURL(new RegExp(`/consultations/${reference}`));

  const publicKey = await (await buyerPage.request.get('/.well-known/halle-signing-key')).text();
  const a = await signedInPage(browser, companyA);
  const b = await signedInPage(browser, companyB);
  await a.goto(`/consultations/${reference}`);
  await a.locator('main').getByRole('link', { name: 'Déposer un pli' }).click();
  await expectAccessible(a);
  await prepare(a, reference, 'première offre A');
  await seal(a, reference, publicKey);
  await expectAccessible(a);
  await prepare(a, reference, 'seconde offre A');
  await seal(a, reference, publicKey);
  await prepare(b, reference, 'offre B');
  await seal(b, reference, publicKey);
  // B prepares a second bid before the deadline and seals it after: late
  await prepare(b, reference, 'offre B tardive');

  // the buyer watches the register meanwhile: who and when, never content
  await buyerPage.goto(`/mon-espace/consultations/${reference}/depots`);
  await expect(buyerPage.locator('main table tbody tr')).toHaveCount(3);
  await expect(buyerPage.locator('main')).not.toContainText('Offre-lot-1.pdf');
  await expectAccessible(buyerPage);

  await expect.poll(() => Date.now() > deadline.getTime() + 1500, { timeout: 400_000, intervals: [2000] }).toBe(true);
  await b.goto(`/consultations/${reference}/depot`);
  await submit(b, 'Sceller et déposer mon pli');
  await expect(b.locator('main')).toContainText('hors délai');

  // two holders give their share, one of them opens
  for (const page of holderPages.slice(0, 2)) {
    await page.goto(`/mon-espace/consultations/${reference}/ouverture`);
    await page.locator('main [name=passphrase]').fill(`phrase de passe de ${page === buyerPage ? buyer : holders[1]}`);
    await submit(page, 'Donner ma part de clé');
    await expect(page.locator('main')).toContainText('Votre part de clé est enregistrée');
  }
  await expectAccessible(buyerPage);
  await buyerPage.goto(`/mon-espace/consultations/${reference}/ouverture`);
  await submit(buyerPage, 'Ouvrir les plis');
  await expect(buyerPage.locator('h1')).toContainText('Procès-verbal d’ouverture des plis');
  const sections = buyerPage.locator('main section h2');
  await expect(sections).toHaveCount(4);
  await expect(sections.nth(0)).toContainText('Remplacé par un pli ultérieur');
  await expect(sections.nth(1)).toContainText('Retenu');
  await expect(sections.nth(2)).toContainText('Retenu');
  await expect(sections.nth(3)).toContainText('Hors délai');
  await expectAccessible(buyerPage);

  await evaluateAndAward(buyerPage, b, reference);
});

/** Paris calendar date, in words, of an instant shifted by whole days ("9 décembre 2026"). */
function parisDay(instant: Date, plusDays: number): string {
  const { date } = parisInputs(instant);
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + plusDays);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    day,
  );
}

/**
 * After the opening (issue #7): the buyer examines both bids of lot 1, scores them (price 60 %,
 * technical value 40 %), awards the lot to A, and B finds the rejection letter, with the end of the
 * standstill period, in its messages.
 */
async function evaluateAndAward(buyerPage: Page, b: Page, reference: string): Promise<void> {
  const analysis = `/mon-espace/consultations/${reference}/analyse`;
  await buyerPage.goto(analysis);
  await submit(buyerPage, 'Commencer l’analyse des offres');
  await expect(buyerPage.locator('main')).toContainText('Recevabilité et régularité');
  await expectAccessible(buyerPage);

  await buyerPage.goto(`${analysis}/lots/1/recevabilite`);
  for (const select of await buyerPage.locator('main select[name^="adm-"]').all())
    await select.selectOption('complete');
  for (const select of await buyerPage.locator('main select[name^="class-"]').all())
    await select.selectOption('regular');
  await submit(buyerPage, 'Enregistrer l’examen des plis');
  await expect(buyerPage.locator('main .error, main [role=alert]')).toHaveCount(0);
  await expectAccessible(buyerPage);

  await buyerPage.goto(`${analysis}/lots/1/notation`);
  await buyerPage.locator('main [name=scaleMode]').selectOption('scale');
  await buyerPage.locator('main [name=scaleMax]').fill('10');
  const rowA = buyerPage.locator('main tbody tr', { hasText: 'Durand Rénovation' });
  const rowB = buyerPage.locator('main tbody tr', { hasNotText: 'Durand Rénovation' });
  await rowA.locator('input[name^="amount-"]').fill('100000');
  await rowA.locator('input[name^="score-"]').fill('8');
  await rowB.locator('input[name^="amount-"]').fill('90000');
  await rowB.locator('input[name^="score-"]').fill('5');
  await submit(buyerPage, 'Enregistrer la grille');
  await expectAccessible(buyerPage);

  // A: 60 × 90 000 / 100 000 + 40 × 8/10 = 86; B: 60 + 20 = 80
  await buyerPage.goto(`${analysis}/lots/1/classement`);
  const ranking = buyerPage.locator('main tbody tr');
  await expect(ranking.first()).toContainText('Durand Rénovation');
  await expect(ranking.first()).toContainText('86');
  await expect(ranking.nth(1)).toContainText('80');
  await expectAccessible(buyerPage);

  await buyerPage.goto(`${analysis}/lots/1/decision`);
  await buyerPage.locator('main input[name=outcome][value=awarded]').check();
  await buyerPage.locator('main [name=strengths]').fill('Meilleure valeur technique : méthodologie détaillée.');
  await submit(buyerPage, 'Vérifier avant de confirmer');
  await expect(buyerPage.locator('h1')).toContainText('Confirmer la décision');
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Confirmer la décision');
  await expect(buyerPage.locator('main')).toContainText('Décision enregistrée, lettres envoyées.');
  await expectAccessible(buyerPage);
  const decidedAt = new Date();

  // the rejection letter reaches B's messages, with the end of the standstill period (J + 11)
  await b.goto('/mon-espace/messages');
  await expectAccessible(b);
  await b
    .locator('main')
    .getByRole('link', { name: new RegExp(reference) })
    .first()
    .click();
  await expect(b.locator('main')).toContainText('R2182-1');
  await expect(b.locator('main')).toContainText(parisDay(decidedAt, 11));
  await expect(b.locator('main')).toContainText('Durand Rénovation');
  await expectAccessible(b);

  // the award made the contract; it cannot be notified before the standstill period ends
  await buyerPage.goto('/mon-espace/contrats');
  await expectAccessible(buyerPage);
  const awarded = buyerPage.locator('main tbody tr', { hasText: 'Durand Rénovation' }).filter({
    hasText: 'En attente de notification',
  });
  await awarded.first().getByRole('link').click();
  await expect(buyerPage.locator('main')).toContainText(reference);
  await expectAccessible(buyerPage);
  await submit(buyerPage, 'Notifier le contrat au titulaire');
  await expect(buyerPage.locator('main')).toContainText(
    'Le contrat ne peut pas être notifié avant la fin du délai de suspension',
  );
  await expectAccessible(buyerPage);

  // a running contract of the buyer (demo data, notified months ago) gets a modification, and its
  // essential data are republished: the DECP export shows the new amount
  await buyerPage.goto('/mon-espace/contrats');
  await buyerPage.locator('main tbody tr', { hasText: 'Notifié' }).first().getByRole('link').click();
  await buyerPage
    .locator('main [name=modification_object]')
    .fill('Reprise des réseaux découverts en cours de chantier');
  await buyerPage.locator('main [name=new_amount]').fill('98765');
  await buyerPage.locator('main [name=modification_notified_on]').fill(parisInputs(new Date()).date);
  await submit(buyerPage, 'Ajouter une modification');
  await expect(buyerPage.locator('main')).toContainText('est enregistrée et les données essentielles sont republiées');
  await expectAccessible(buyerPage);
  const decp = (await (await buyerPage.request.get('/api/v1/decp.json')).json()) as {
    marches: { marche: { modifications?: { modification: { montant?: number } }[] }[] };
  };
  expect(decp.marches.marche.some((m) => (m.modifications ?? []).some((x) => x.modification.montant === 98765))).toBe(
    true,
  );
}
