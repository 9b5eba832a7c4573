import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, forbidden, notFound } from '../../platform/errors.js';
import { activeMembership, type PrincipalMembership, type SessionPrincipal } from '../../platform/http/principal.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, formValues, parseForm } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { acceptInvitation, invitationGone } from './acceptInvitation.js';
import { acceptInvitationWithNewAccount } from './acceptInvitationWithNewAccount.js';
import type { ActingUser } from './acting.js';
import { changeMemberRole } from './changeMemberRole.js';
import { invitationState } from './domain/invitation.js';
import { invitationAccountForm, inviteForm, parseFormWithPassword, roleForm, signUpForm } from './forms.js';
import { inviteMember } from './inviteMember.js';
import { canAdministerOrganisation, canViewOrganisation } from './policies.js';
import { removeMember } from './removeMember.js';
import {
  findInvitationByToken,
  findOrganisation,
  findUserByEmail,
  listMembers,
  listPendingInvitations,
} from './repo.js';
import { revokeInvitation } from './revokeInvitation.js';
import { signUpCompany } from './signUpCompany.js';
import { InvitationPage, type InvitationSummary } from './views/InvitationPage.js';
import { OrganisationPage } from './views/OrganisationPage.js';
import { DonePage, SignUpPage } from './views/SignUpPage.js';
import { SpacePage } from './views/SpacePage.js';

const hidden = { schema: { hide: true } };
// Sign-ups and account creations hash a password (costly) and reveal whether an address is
// taken: slow down scripted attempts.
const limited = { ...hidden, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Notices shown after a redirect, by query parameter value: never text from the URL itself. */
const organisationNotices = {
  'invitation-envoyee': 'organisations.invite.sent',
  'invitation-annulee': 'organisations.invitations.revoked',
  'role-modifie': 'organisations.members.role_changed',
  'membre-retire': 'organisations.members.removed',
} as const;

function actingUser(req: FastifyRequest, principal: SessionPrincipal): ActingUser {
  return { userId: principal.user.id, name: principal.user.name, ip: req.ip };
}

/** An id from the URL: anything but a UUID cannot exist, and must not reach the database as one. */
function idParam(req: FastifyRequest, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (!value || !uuidPattern.test(value)) throw notFound();
  return value.toLowerCase();
}

function tokenParam(req: FastifyRequest): string {
  const value = (req.params as Record<string, string | undefined>).token ?? '';
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(value)) throw notFound();
  return value;
}

/** The organisation the signed-in person acts for; without one, there is nothing to show. */
function activeOrganisation(req: FastifyRequest): { principal: SessionPrincipal; membership: PrincipalMembership } {
  const principal = requireSession(req);
  const membership = activeMembership(principal);
  if (!membership || !canViewOrganisation(principal, membership.organisationId)) throw notFound();
  return { principal, membership };
}

function requireAdministrator(req: FastifyRequest) {
  const acting = activeOrganisation(req);
  if (!canAdministerOrganisation(acting.principal, acting.membership.organisationId)) throw forbidden();
  return acting;
}

export async function organisationsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  async function renderOrganisation(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { notice?: string; errors?: FieldError[]; values?: FormValues; status?: number } = {},
  ) {
    const { principal, membership } = activeOrganisation(req);
    const organisationId = membership.organisationId;
    const organisation = await findOrganisation(rt.db, organisationId);
    if (!organisation) throw notFound();
    const [members, invitations] = await Promise.all([
      listMembers(rt.db, organisationId),
      listPendingInvitations(rt.db, organisationId),
    ]);
    return sendPage(
      reply,
      <OrganisationPage
        ctx={pageContext(req)}
        organisation={organisation}
        members={members}
        invitations={invitations}
        canAdminister={canAdministerOrganisation(principal, organisationId)}
        currentUserId={principal.user.id}
        notice={options.notice}
        errors={options.errors}
        values={options.values}
      />,
      options.status,
    );
  }

  /** Errors of a member or invitation command: field and conflict errors are shown on the page. */
  async function renderCommandError(req: FastifyRequest, reply: FastifyReply, error: unknown, values?: FormValues) {
    if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
    const errors = error.fields.length
      ? error.fields
      : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
    return renderOrganisation(req, reply, { errors, status: error.status, ...(values ? { values } : {}) });
  }

  // ---- Company sign-up ----

  app.get('/inscription', hidden, async (req, reply) => {
    if (req.principal.kind === 'session') return seeOther(reply, '/mon-espace');
    return sendPage(reply, <SignUpPage ctx={pageContext(req)} />);
  });

  app.post('/inscription', limited, async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    const form = parseFormWithPassword(signUpForm, body, body?.email);
    if (!form.ok) {
      return sendPage(reply, <SignUpPage ctx={pageContext(req)} errors={form.errors} values={form.values} />, 400);
    }
    const d = form.data;
    try {
      await signUpCompany(rt, {
        siret: d.siret,
        name: d.name,
        naf: d.naf,
        size: d.size,
        department: d.department,
        city: d.city,
        isEss: d.is_ess,
        isSiae: d.is_siae,
        personName: d.person_name,
        email: d.email,
        password: d.password,
        locale: req.locale,
        ip: req.ip,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return sendPage(
        reply,
        <SignUpPage ctx={pageContext(req)} errors={error.fields} values={formValues(body)} />,
        error.status,
      );
    }
    return seeOther(reply, '/inscription/confirmation');
  });

  app.get('/inscription/confirmation', hidden, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const message =
      query.via === 'invitation' ? req.t('organisations.done.invitation') : req.t('organisations.done.signup');
    return sendPage(reply, <DonePage ctx={pageContext(req)} message={message} />);
  });

  // ---- My space ----

  app.get('/mon-espace', hidden, async (req, reply) => {
    if (req.principal.kind !== 'session') return seeOther(reply, '/connexion?suite=/mon-espace');
    const query = req.query as Record<string, unknown>;
    const notice = query.invitation === 'acceptee' ? req.t('organisations.invitation.accepted') : undefined;
    return sendPage(reply, <SpacePage ctx={pageContext(req)} principal={req.principal} notice={notice} />);
  });

  app.get('/mon-espace/organisation', hidden, async (req, reply) => {
    if (req.principal.kind !== 'session') return seeOther(reply, '/connexion?suite=/mon-espace/organisation');
    const query = req.query as Record<string, unknown>;
    const key =
      typeof query.fait === 'string' && Object.hasOwn(organisationNotices, query.fait)
        ? organisationNotices[query.fait as keyof typeof organisationNotices]
        : undefined;
    return renderOrganisation(req, reply, key ? { notice: req.t(key) } : {});
  });

  app.post('/mon-espace/organisation/invitations', hidden, async (req, reply) => {
    const { principal, membership } = requireAdministrator(req);
    const form = parseForm(inviteForm, req.body);
    if (!form.ok) return renderOrganisation(req, reply, { errors: form.errors, values: form.values, status: 400 });
    try {
      await inviteMember(rt, actingUser(req, principal), {
        organisationId: membership.organisationId,
        email: form.data.email,
        role: form.data.role,
        locale: req.locale,
      });
    } catch (error) {
      return renderCommandError(req, reply, error, { email: form.data.email, role: form.data.role });
    }
    return seeOther(reply, '/mon-espace/organisation?fait=invitation-envoyee');
  });

  app.post('/mon-espace/organisation/invitations/:id/annuler', hidden, async (req, reply) => {
    const { principal, membership } = requireAdministrator(req);
    const invitationId = idParam(req, 'id');
    await revokeInvitation(rt, actingUser(req, principal), { organisationId: membership.organisationId, invitationId });
    return seeOther(reply, '/mon-espace/organisation?fait=invitation-annulee');
  });

  app.post('/mon-espace/organisation/membres/:userId/role', hidden, async (req, reply) => {
    const { principal, membership } = requireAdministrator(req);
    const userId = idParam(req, 'userId');
    const form = parseForm(roleForm, req.body);
    if (!form.ok) return renderOrganisation(req, reply, { errors: form.errors, status: 400 });
    try {
      await changeMemberRole(rt, actingUser(req, principal), {
        organisationId: membership.organisationId,
        userId,
        role: form.data.role,
      });
    } catch (error) {
      return renderCommandError(req, reply, error);
    }
    return seeOther(reply, '/mon-espace/organisation?fait=role-modifie');
  });

  app.post('/mon-espace/organisation/membres/:userId/retirer', hidden, async (req, reply) => {
    const { principal, membership } = requireAdministrator(req);
    const userId = idParam(req, 'userId');
    try {
      await removeMember(rt, actingUser(req, principal), { organisationId: membership.organisationId, userId });
    } catch (error) {
      return renderCommandError(req, reply, error);
    }
    // Someone who removed themselves no longer sees the organisation.
    return seeOther(
      reply,
      userId === principal.user.id ? '/mon-espace' : '/mon-espace/organisation?fait=membre-retire',
    );
  });

  // ---- Invitation links ----

  async function pendingInvitation(token: string) {
    const invitation = await findInvitationByToken(rt.db, token);
    if (!invitation) throw notFound();
    if (invitationState(invitation) !== 'pending') throw invitationGone();
    const summary: InvitationSummary = {
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisation_name,
      organisationKind: invitation.organisation_kind,
    };
    return summary;
  }

  app.get('/invitation/:token', hidden, async (req, reply) => {
    const token = tokenParam(req);
    const invitation = await pendingInvitation(token);
    const ctx = pageContext(req);
    if (req.principal.kind === 'session') {
      const sameEmail = req.principal.user.email.toLowerCase() === invitation.email.toLowerCase();
      return sendPage(
        reply,
        <InvitationPage ctx={ctx} token={token} invitation={invitation} mode={sameEmail ? 'accept' : 'other_email'} />,
      );
    }
    const existing = await findUserByEmail(rt.db, invitation.email);
    return sendPage(
      reply,
      <InvitationPage ctx={ctx} token={token} invitation={invitation} mode={existing ? 'signin' : 'create'} />,
    );
  });

  app.post('/invitation/:token', limited, async (req, reply) => {
    const token = tokenParam(req);
    if (req.principal.kind === 'session') {
      const user = req.principal.user;
      await acceptInvitation(rt, { id: user.id, email: user.email, ip: req.ip }, token);
      return seeOther(reply, '/mon-espace?invitation=acceptee');
    }
    const invitation = await pendingInvitation(token);
    const ctx = pageContext(req);
    const form = parseFormWithPassword(invitationAccountForm, req.body, invitation.email);
    if (!form.ok) {
      return sendPage(
        reply,
        <InvitationPage
          ctx={ctx}
          token={token}
          invitation={invitation}
          mode="create"
          errors={form.errors}
          values={form.values}
        />,
        400,
      );
    }
    try {
      await acceptInvitationWithNewAccount(rt, token, {
        name: form.data.name,
        password: form.data.password,
        locale: req.locale,
        ip: req.ip,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.messageKey !== 'organisations.invitation.account_exists') throw error;
      const errors = [{ field: '_form', message: error.messageKey }];
      return sendPage(
        reply,
        <InvitationPage ctx={ctx} token={token} invitation={invitation} mode="signin" errors={errors} />,
        error.status,
      );
    }
    return seeOther(reply, '/inscription/confirmation?via=invitation');
  });
}
