import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { csvBom, csvRow } from '../../platform/export/csv.js';
import type { Runtime } from '../../platform/runtime.js';
import { formValues, parseForm } from '../../web/forms.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
// until organisations/index.ts exports it, the use case is imported by path
import { createOrganisation, normaliseIdentifier, organisationInput } from '../organisations/index.js';
import { backofficeAccess, canCreateOrganisation } from './policies.js';
import {
  type AuditCursor,
  type AuditFilter,
  auditEventsForExport,
  dashboardFigures,
  findAuditEvent,
  findMail,
  findOrganisation,
  listMails,
  listMembers,
  listOrganisations,
  pageSize,
  searchAudit,
} from './repo.js';
import { DashboardPage } from './views/DashboardPage.js';
import { JournalEventPage, JournalPage, type JournalQuery } from './views/JournalPages.js';
import { MailPage, MailsPage } from './views/MailsPages.js';
import { NewOrganisationPage, OrganisationPage, OrganisationsPage } from './views/OrganisationsPages.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(blank, z.string('form.invalid').trim().max(max, 'backoffice.text.too_long').optional());
const page = z.preprocess(
  blank,
  z.coerce
    .number('backoffice.page.invalid')
    .int('backoffice.page.invalid')
    .min(1, 'backoffice.page.invalid')
    .max(100_000, 'backoffice.page.invalid')
    .default(1),
);
const departmentPattern = /^([0-9]{2}|2A|2B|97[1-6])$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optionalDate = z.preprocess(blank, z.iso.date({ error: 'backoffice.date.invalid' }).optional());

const organisationsQuery = z.object({
  type: z.preprocess(blank, z.enum(['buyer', 'company', 'platform'], 'backoffice.kind.invalid').optional()),
  q: optionalText(200),
  departement: z.preprocess(
    blank,
    z.string('form.invalid').trim().toUpperCase().regex(departmentPattern, 'backoffice.department.invalid').optional(),
  ),
  page,
});

const journalQuery = z
  .object({
    action: optionalText(100),
    organisation: z.preprocess(
      blank,
      z
        .string('form.invalid')
        .trim()
        .transform((v, ctx) => {
          if (uuidPattern.test(v)) return { id: v.toLowerCase() };
          const digits = normaliseIdentifier(v);
          if (/^\d{14}$/.test(digits)) return { siret: digits };
          ctx.addIssue({ code: 'custom', message: 'backoffice.journal.organisation.invalid' });
          return z.NEVER;
        })
        .optional(),
    ),
    acteur: optionalText(254),
    du: optionalDate,
    au: optionalDate,
    avant: z.preprocess(blank, z.string('form.invalid').max(100).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.du && v.au && v.au < v.du) {
      ctx.addIssue({ code: 'custom', path: ['au'], message: 'backoffice.journal.to.before_from' });
    }
  });

const mailsQuery = z.object({ destinataire: optionalText(254), page });

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([0-9a-f-]{36})$/;

function parseCursor(value: string | undefined): AuditCursor | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const match = cursorPattern.exec(value);
  if (!match?.[1] || !match[2] || !uuidPattern.test(match[2])) return 'invalid';
  return { at: match[1], id: match[2] };
}

function auditFilterOf(q: z.output<typeof journalQuery>): AuditFilter {
  return {
    actionPrefix: q.action,
    organisationId: q.organisation && 'id' in q.organisation ? q.organisation.id : undefined,
    organisationSiret: q.organisation && 'siret' in q.organisation ? q.organisation.siret : undefined,
    actorEmail: q.acteur,
    from: q.du,
    to: q.au,
  };
}

/** The filters to show back in the form and to keep in links: what was typed, not the parsed form. */
function journalQueryOf(values: Record<string, string>): JournalQuery {
  return {
    action: values.action,
    organisation: values.organisation,
    acteur: values.acteur,
    du: values.du,
    au: values.au,
  };
}

function idParam(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  // a malformed id cannot exist: answer as for an unknown one, not with a database error
  if (!uuidPattern.test(id)) throw new AppError('not_found');
  return id.toLowerCase();
}

const parisTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** How many events one CSV export holds at most: beyond that, narrow the filters. */
const exportMax = 100_000;

export async function backofficeRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await app.register(async (scope) => {
    const hidden = { schema: { hide: true } };

    // Decided once for every back office route, before any data is read.
    scope.addHook('preHandler', async (req, reply) => {
      const decision = backofficeAccess(req.principal);
      if (decision === 'sign_in') {
        return reply.redirect(`/connexion?suite=${encodeURIComponent(req.url)}`, 303);
      }
      if (decision === 'forbid') throw new AppError('forbidden');
    });

    scope.get('/administration', hidden, async (req, reply) => {
      const figures = await dashboardFigures(rt.db);
      return sendPage(reply, <DashboardPage ctx={pageContext(req)} figures={figures} />);
    });

    scope.get('/administration/organisations', hidden, async (req, reply) => {
      const parsed = parseForm(organisationsQuery, req.query);
      const values = formValues(req.query);
      const query = { type: values.type, q: values.q, departement: values.departement };
      if (!parsed.ok) {
        return sendPage(
          reply,
          <OrganisationsPage
            ctx={pageContext(req)}
            query={query}
            errors={parsed.errors}
            rows={[]}
            total={0}
            page={1}
            pageSize={pageSize}
          />,
          400,
        );
      }
      const { rows, total } = await listOrganisations(rt.db, {
        kind: parsed.data.type,
        q: parsed.data.q,
        department: parsed.data.departement,
        page: parsed.data.page,
      });
      return sendPage(
        reply,
        <OrganisationsPage
          ctx={pageContext(req)}
          query={query}
          errors={[]}
          rows={rows}
          total={total}
          page={parsed.data.page}
          pageSize={pageSize}
        />,
      );
    });

    scope.get('/administration/organisations/nouvelle', hidden, async (req, reply) =>
      sendPage(reply, <NewOrganisationPage ctx={pageContext(req)} />),
    );

    scope.post('/administration/organisations/nouvelle', hidden, async (req, reply) => {
      const principal = requireSession(req);
      if (!canCreateOrganisation(principal)) throw new AppError('forbidden');
      const body = { ...(req.body as Record<string, unknown> | undefined), kind: 'buyer' };
      const form = parseForm(organisationInput, body);
      if (!form.ok) {
        return sendPage(
          reply,
          <NewOrganisationPage ctx={pageContext(req)} errors={form.errors} values={form.values} />,
          400,
        );
      }
      try {
        const id = await createOrganisation(rt, { type: 'user', userId: principal.user.id, ip: req.ip }, form.data);
        return seeOther(reply, `/administration/organisations/${id}?inscrite=1`);
      } catch (error) {
        if (!(error instanceof AppError) || error.fields.length === 0) throw error;
        return sendPage(
          reply,
          <NewOrganisationPage ctx={pageContext(req)} errors={error.fields} values={formValues(req.body)} />,
          error.status,
        );
      }
    });

    scope.get('/administration/organisations/:id', hidden, async (req, reply) => {
      const id = idParam(req);
      const organisation = await findOrganisation(rt.db, id);
      if (!organisation) throw new AppError('not_found');
      const members = await listMembers(rt.db, id);
      const created = (req.query as Record<string, unknown>).inscrite === '1';
      return sendPage(
        reply,
        <OrganisationPage ctx={pageContext(req)} organisation={organisation} members={members} created={created} />,
      );
    });

    scope.get('/administration/journal', hidden, async (req, reply) => {
      const parsed = parseForm(journalQuery, req.query);
      const query = journalQueryOf(formValues(req.query));
      const cursor = parsed.ok ? parseCursor(parsed.data.avant) : undefined;
      if (!parsed.ok || cursor === 'invalid') {
        const errors = parsed.ok ? [{ field: '_form', message: 'backoffice.journal.cursor.invalid' }] : parsed.errors;
        return sendPage(
          reply,
          <JournalPage
            ctx={pageContext(req)}
            query={query}
            errors={errors}
            rows={[]}
            nextCursor={undefined}
            isFirstPage={!parsed.ok}
          />,
          400,
        );
      }
      const found = await searchAudit(rt.db, auditFilterOf(parsed.data), { after: cursor, limit: pageSize + 1 });
      const rows = found.slice(0, pageSize);
      const last = rows.at(-1);
      const nextCursor = found.length > pageSize && last ? `${last.cursor_at}~${last.id}` : undefined;
      return sendPage(
        reply,
        <JournalPage
          ctx={pageContext(req)}
          query={query}
          errors={[]}
          rows={rows}
          nextCursor={nextCursor}
          isFirstPage={cursor === undefined}
        />,
      );
    });

    scope.get('/administration/journal.csv', hidden, async (req, reply) => {
      const parsed = parseForm(journalQuery, req.query);
      if (!parsed.ok) {
        return sendPage(
          reply,
          <JournalPage
            ctx={pageContext(req)}
            query={journalQueryOf(formValues(req.query))}
            errors={parsed.errors}
            rows={[]}
            nextCursor={undefined}
            isFirstPage
          />,
          400,
        );
      }
      const t = req.t;
      const filter = auditFilterOf(parsed.data);
      async function* lines() {
        yield csvBom;
        yield csvRow([
          t('backoffice.csv.id'),
          t('backoffice.csv.occurred_at'),
          t('backoffice.csv.occurred_at_paris'),
          t('backoffice.csv.action'),
          t('backoffice.csv.actor_type'),
          t('backoffice.csv.actor_email'),
          t('backoffice.csv.organisation_id'),
          t('backoffice.csv.organisation_siret'),
          t('backoffice.csv.organisation_name'),
          t('backoffice.csv.subject_type'),
          t('backoffice.csv.subject_id'),
          t('backoffice.csv.ip'),
          t('backoffice.csv.before'),
          t('backoffice.csv.after'),
        ]);
        for await (const e of auditEventsForExport(rt.db, filter, { batch: 500, max: exportMax })) {
          yield csvRow([
            e.id,
            e.cursor_at,
            parisTime.format(e.occurred_at),
            e.action,
            e.actor_type,
            e.actor_email,
            e.organisation_id,
            e.organisation_siret,
            e.organisation_name,
            e.subject_type,
            e.subject_id,
            e.ip,
            e.before,
            e.after,
          ]);
        }
      }
      const day = parisTime.format(new Date()).slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="journal-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines()));
    });

    scope.get('/administration/journal/:id', hidden, async (req, reply) => {
      const event = await findAuditEvent(rt.db, idParam(req));
      if (!event) throw new AppError('not_found');
      return sendPage(reply, <JournalEventPage ctx={pageContext(req)} event={event} />);
    });

    scope.get('/administration/courriels', hidden, async (req, reply) => {
      const parsed = parseForm(mailsQuery, req.query);
      const recipient = formValues(req.query).destinataire;
      const smtp = rt.mail.kind === 'smtp';
      if (!parsed.ok) {
        return sendPage(
          reply,
          <MailsPage
            ctx={pageContext(req)}
            recipient={recipient}
            errors={parsed.errors}
            rows={[]}
            total={0}
            page={1}
            pageSize={pageSize}
            smtp={smtp}
          />,
          400,
        );
      }
      const { rows, total } = await listMails(rt.db, {
        recipient: parsed.data.destinataire,
        page: parsed.data.page,
      });
      return sendPage(
        reply,
        <MailsPage
          ctx={pageContext(req)}
          recipient={recipient}
          errors={[]}
          rows={rows}
          total={total}
          page={parsed.data.page}
          pageSize={pageSize}
          smtp={smtp}
        />,
      );
    });

    scope.get('/administration/courriels/:id', hidden, async (req, reply) => {
      const mail = await findMail(rt.db, idParam(req));
      if (!mail) throw new AppError('not_found');
      return sendPage(reply, <MailPage ctx={pageContext(req)} mail={mail} />);
    });
  });
}
