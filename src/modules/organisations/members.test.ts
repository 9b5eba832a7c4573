import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../test/support/browser.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { OrganisationKind, Role } from '../../platform/db/schema.js';
import { hashToken, uuidv7 } from '../../platform/ids.js';
import type { Runtime } from '../../platform/runtime.js';
import { uniqueViolation } from './repo.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

const page = '/mon-espace/organisation';

async function signedIn(email: string, password: string): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.signIn(email, password);
  return browser;
}

/** An organisation with one person of the given role, signed in. */
async function orgWith(role: Role, kind: OrganisationKind = 'company', name?: string) {
  const org = await createOrganisation(rt, { kind, ...(name ? { name } : {}) });
  const user = await createUser(rt, { name: `Personne ${role}`, memberships: [{ organisationId: org.id, role }] });
  return { org, user, browser: await signedIn(user.email, user.password) };
}

async function invitationMailTo(email: string) {
  const mail = await rt.db
    .selectFrom('outbox_mails')
    .selectAll()
    .where('to_address', '=', email)
    .where('template', '=', 'organisations.invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = mail.text_body.match(/\/invitation\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no invitation link in the mail');
  return { mail, token };
}

async function membership(organisationId: string, userId: string) {
  return rt.db
    .selectFrom('memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

async function invitationCount(organisationId: string) {
  const rows = await rt.db
    .selectFrom('invitations')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.length;
}

describe('my space', () => {
  it('sends anonymous visitors to sign-in, and shows the active organisation and role', async () => {
    const anonymous = await new TestBrowser(app).get('/mon-espace');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/connexion?suite=/mon-espace');

    const { org, browser } = await orgWith('buyer_agent', 'buyer', 'Commune de Montreuil');
    const res = await browser.get('/mon-espace');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Commune de Montreuil');
    expect(res.body).toContain('Acheteur public');
    expect(res.body).toContain('<dd>Agent</dd>');
    expect(res.body).toContain('vous préparerez et publierez ici vos consultations');
    expect(res.body).toContain('Voir mon organisation');
    const details = await browser.get(page);
    expect(details.body).toContain('Adhérent depuis le');
    expect(details.body).toContain('1 janvier 2020');
    expect(details.body).toContain(org.siret.slice(0, 3));
  });

  it('tells a person without organisation so, and has no organisation page for them', async () => {
    const user = await createUser(rt);
    const browser = await signedIn(user.email, user.password);
    expect((await browser.get('/mon-espace')).body).toContain('Vous n’êtes membre d’aucune organisation.');
    expect((await browser.get(page)).statusCode).toBe(404);
  });
});

describe('invitations', () => {
  it('runs end to end: admin invites, the mail leaves, a new person creates an account and joins', async () => {
    const { org, user: admin, browser } = await orgWith('company_admin', 'company', 'Menuiserie Lefèvre');
    const form = await browser.get(page);
    expect(form.body).toContain("Envoyer l'invitation");
    expect(form.body).toContain('name="role"');

    const sent = await browser.post(`${page}/invitations`, {
      email: 'Nouvelle.Recrue@Exemple.fr',
      role: 'company_member',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${page}?fait=invitation-envoyee`);
    const after = await browser.get(sent.headers.location as string);
    expect(after.body).toContain('Invitation envoyée.');
    expect(after.body).toContain('Nouvelle.Recrue@Exemple.fr');

    const { mail, token } = await invitationMailTo('Nouvelle.Recrue@Exemple.fr');
    expect(mail.subject).toBe('Invitation à rejoindre Menuiserie Lefèvre sur Halle');
    expect(mail.text_body).toContain('Personne company_admin vous invite');
    const invitation = await rt.db
      .selectFrom('invitations')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(invitation.token_hash).toBe(hashToken(token));
    expect(invitation.token_hash).not.toContain(token);
    expect(invitation.invited_by).toBe(admin.id);
    const days = (invitation.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const visitor = new TestBrowser(app);
    const landing = await visitor.get(`/invitation/${token}`);
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain(
      'Menuiserie Lefèvre (Entreprise) vous invite à la rejoindre sur Halle avec le rôle : Membre.',
    );
    expect(landing.body).toContain('name="password_confirm"');

    const weak = await visitor.post(`/invitation/${token}`, {
      name: 'Nora Petit',
      password: 'court',
      password_confirm: 'court',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Le mot de passe doit contenir au moins 12 caractères.');
    expect(await rt.db.selectFrom('users').select('id').where('name', '=', 'Nora Petit').execute()).toHaveLength(0);

    const created = await visitor.post(`/invitation/${token}`, {
      name: 'Nora Petit',
      password: 'Copeaux-de-Chene-77',
      password_confirm: 'Copeaux-de-Chene-77',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/inscription/confirmation?via=invitation');
    const nora = await rt.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'Nouvelle.Recrue@Exemple.fr')
      .executeTakeFirstOrThrow();
    expect(nora.email_verified_at).not.toBeNull();
    expect((await membership(org.id, nora.id))?.role).toBe('company_member');
    const used = await rt.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(used.accepted_by).toBe(nora.id);

    await visitor.signIn('nouvelle.recrue@exemple.fr', 'Copeaux-de-Chene-77');
    const space = await visitor.get('/mon-espace');
    expect(space.body).toContain('Menuiserie Lefèvre');
    expect(space.body).not.toContain('pas encore confirmée');
    // the link works once
    expect((await new TestBrowser(app).get(`/invitation/${token}`)).statusCode).toBe(410);
    const audit = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', org.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'organisations.invitation.accepted',
      'organisations.invitation.created',
      'organisations.member.added',
      'organisations.user.registered',
    ]);
  });

  it('lets an existing account sign in then accept, and refuses another signed-in address', async () => {
    const { org, browser } = await orgWith('buyer_admin', 'buyer', 'Département de l’Essonne');
    const invited = await createUser(rt, { email: 'agent.existant@exemple.fr' });
    expect((await browser.post(`${page}/invitations`, { email: invited.email, role: 'buyer_agent' })).statusCode).toBe(
      303,
    );
    const { token } = await invitationMailTo(invited.email);

    const stranger = await createUser(rt);
    const wrong = await signedIn(stranger.email, stranger.password);
    expect((await wrong.get(`/invitation/${token}`)).body).toContain('adressée à une autre adresse électronique');
    const refused = await wrong.post(`/invitation/${token}`, {});
    expect(refused.statusCode).toBe(403);
    expect(await membership(org.id, stranger.id)).toBeUndefined();

    const visitor = new TestBrowser(app);
    const landing = await visitor.get(`/invitation/${token}`);
    expect(landing.body).toContain(`href="/connexion?suite=%2Finvitation%2F${token}"`);
    expect(landing.body).not.toContain('name="password_confirm"');
    await visitor.post('/connexion', {
      email: invited.email,
      password: invited.password,
      suite: `/invitation/${token}`,
    });
    const accept = await visitor.get(`/invitation/${token}`);
    expect(accept.body).toContain('Accepter l’invitation');
    const accepted = await visitor.post(`/invitation/${token}`, {});
    expect(accepted.statusCode).toBe(303);
    expect((await membership(org.id, invited.id))?.role).toBe('buyer_agent');
    expect((await visitor.get('/mon-espace?invitation=acceptee')).body).toContain('Invitation acceptée');
    expect((await visitor.post(`/invitation/${token}`, {}, { from: '/mon-espace' })).statusCode).toBe(410);
  });

  it('refuses to invite a member or someone already invited, whatever the case, and a role of another kind', async () => {
    const { org, user, browser } = await orgWith('company_admin');
    const before = await invitationCount(org.id);
    const member = await browser.post(`${page}/invitations`, {
      email: user.email.toUpperCase(),
      role: 'company_member',
    });
    expect(member.statusCode).toBe(409);
    expect(member.body).toContain('Cette personne est déjà membre de l’organisation.');

    expect(
      (await browser.post(`${page}/invitations`, { email: 'x.y@exemple.fr', role: 'company_admin' })).statusCode,
    ).toBe(303);
    const twice = await browser.post(`${page}/invitations`, { email: 'X.Y@exemple.FR', role: 'company_member' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Une invitation est déjà en attente pour cette adresse');

    const buyerRole = await browser.post(`${page}/invitations`, { email: 'autre@exemple.fr', role: 'buyer_admin' });
    expect(buyerRole.statusCode).toBe(400);
    expect(buyerRole.body).toContain('Choisissez un rôle proposé pour cette organisation.');
    const badEmail = await browser.post(`${page}/invitations`, { email: 'pas-une-adresse', role: 'company_member' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('Saisissez une adresse électronique valide');
    expect(await invitationCount(org.id)).toBe(before + 1);
  });

  it('revokes a pending invitation: its link is then gone (410), as is an expired one', async () => {
    const { org, browser } = await orgWith('company_admin');
    await browser.post(`${page}/invitations`, { email: 'revoquee@exemple.fr', role: 'company_member' });
    const { token } = await invitationMailTo('revoquee@exemple.fr');
    const invitation = await rt.db
      .selectFrom('invitations')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const revoked = await browser.post(`${page}/invitations/${invitation.id}/annuler`, {}, { from: page });
    expect(revoked.statusCode).toBe(303);
    const gone = await new TestBrowser(app).get(`/invitation/${token}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Cette invitation n’est plus valable');

    await browser.post(`${page}/invitations`, { email: 'expiree@exemple.fr', role: 'company_member' });
    const expired = await invitationMailTo('expiree@exemple.fr');
    await rt.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(expired.token))
      .execute();
    expect((await new TestBrowser(app).get(`/invitation/${expired.token}`)).statusCode).toBe(410);
    expect((await new TestBrowser(app).get('/invitation/unknown-token-000000000000')).statusCode).toBe(404);
  });
});

describe('members and tenant separation', () => {
  it('shows the page read-only to a non-admin member, who cannot invite or change anyone', async () => {
    const { org, user, browser } = await orgWith('company_member');
    const admin = await createUser(rt, { memberships: [{ organisationId: org.id, role: 'company_admin' }] });
    const res = await browser.get(page);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Seuls les administrateurs de l’organisation peuvent inviter');
    expect(res.body).not.toContain("Envoyer l'invitation");
    expect(res.body).not.toContain('/retirer');

    const invite = await browser.post(
      `${page}/invitations`,
      { email: 'z@exemple.fr', role: 'company_admin' },
      { from: page },
    );
    expect(invite.statusCode).toBe(403);
    const promote = await browser.post(`${page}/membres/${user.id}/role`, { role: 'company_admin' }, { from: page });
    expect(promote.statusCode).toBe(403);
    const remove = await browser.post(`${page}/membres/${admin.id}/retirer`, {}, { from: page });
    expect(remove.statusCode).toBe(403);
    expect(await invitationCount(org.id)).toBe(0);
    expect((await membership(org.id, user.id))?.role).toBe('company_member');
    expect((await membership(org.id, admin.id))?.role).toBe('company_admin');
  });

  it('answers 404 when an admin of A touches an invitation or a member of B, and changes nothing', async () => {
    const a = await orgWith('company_admin', 'company', 'Entreprise A');
    const b = await orgWith('company_admin', 'company', 'Entreprise B');
    const bMember = await createUser(rt, { memberships: [{ organisationId: b.org.id, role: 'company_member' }] });
    await b.browser.post(`${page}/invitations`, { email: 'invite.b@exemple.fr', role: 'company_member' });
    const bInvitation = await rt.db
      .selectFrom('invitations')
      .selectAll()
      .where('organisation_id', '=', b.org.id)
      .executeTakeFirstOrThrow();

    const attempts = [
      await a.browser.post(`${page}/invitations/${bInvitation.id}/annuler`, {}, { from: page }),
      await a.browser.post(`${page}/membres/${bMember.id}/role`, { role: 'company_admin' }, { from: page }),
      await a.browser.post(`${page}/membres/${b.user.id}/retirer`, {}, { from: page }),
      await a.browser.post(`${page}/invitations/${uuidv7()}/annuler`, {}, { from: page }),
      await a.browser.post(`${page}/membres/not-a-uuid/retirer`, {}, { from: page }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
    for (const r of attempts) expect(r.body).not.toContain('Entreprise B');
    const still = await rt.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', bInvitation.id)
      .executeTakeFirstOrThrow();
    expect(still.revoked_at).toBeNull();
    expect((await membership(b.org.id, bMember.id))?.role).toBe('company_member');
    expect((await membership(b.org.id, b.user.id))?.role).toBe('company_admin');
    // and A's page lists none of B's people
    const aPage = await a.browser.get(page);
    expect(aPage.body).not.toContain(bMember.email);
    expect(aPage.body).not.toContain('invite.b@exemple.fr');
  });

  it('always keeps one administrator: the last one can neither step down nor leave', async () => {
    const { org, user: admin, browser } = await orgWith('company_admin');
    const colleague = await createUser(rt, {
      name: 'Paul Colin',
      memberships: [{ organisationId: org.id, role: 'company_member' }],
    });

    const leave = await browser.post(`${page}/membres/${admin.id}/retirer`, {}, { from: page });
    expect(leave.statusCode).toBe(409);
    expect(leave.body).toContain('L’organisation doit toujours garder au moins un administrateur');
    const stepDown = await browser.post(`${page}/membres/${admin.id}/role`, { role: 'company_member' }, { from: page });
    expect(stepDown.statusCode).toBe(409);
    expect((await membership(org.id, admin.id))?.role).toBe('company_admin');

    const promote = await browser.post(
      `${page}/membres/${colleague.id}/role`,
      { role: 'company_admin' },
      { from: page },
    );
    expect(promote.statusCode).toBe(303);
    expect((await membership(org.id, colleague.id))?.role).toBe('company_admin');
    const invalid = await browser.post(`${page}/membres/${colleague.id}/role`, { role: 'buyer_agent' }, { from: page });
    expect(invalid.statusCode).toBe(400);

    // with a second administrator, the first may step down, then no longer administers
    expect(
      (await browser.post(`${page}/membres/${admin.id}/role`, { role: 'company_member' }, { from: page })).statusCode,
    ).toBe(303);
    expect((await membership(org.id, admin.id))?.role).toBe('company_member');
    expect((await browser.post(`${page}/membres/${colleague.id}/retirer`, {}, { from: page })).statusCode).toBe(403);

    const colleagueBrowser = await signedIn(colleague.email, colleague.password);
    const removed = await colleagueBrowser.post(`${page}/membres/${admin.id}/retirer`, {}, { from: page });
    expect(removed.statusCode).toBe(303);
    expect(await membership(org.id, admin.id)).toBeUndefined();
    expect((await browser.get(page)).statusCode).toBe(404);
    const actions = await rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('organisation_id', '=', org.id)
      .orderBy('occurred_at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'organisations.member.role_changed',
      'organisations.member.role_changed',
      'organisations.member.removed',
    ]);
  });

  it('recognises the unique index behind a duplicate on both engines', async () => {
    const org = await createOrganisation(rt);
    const error = await createOrganisation(rt, { siret: org.siret }).catch((e: unknown) => e);
    expect(uniqueViolation(error)).toBe('organisations_siret_key');
    const user = await createUser(rt);
    const dup = await createUser(rt, { email: user.email.toUpperCase() }).catch((e: unknown) => e);
    expect(uniqueViolation(dup)).toBe('users_email_key');
    expect(uniqueViolation(new Error('other'))).toBeUndefined();
  });
});
