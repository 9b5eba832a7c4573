import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { companyProfile, requireCompanyActor } from '../company-registry/index.js';
import { contactCompany } from './contactCompany.js';
import { createSelection } from './createSelection.js';
import { directoryQuery } from './domain/query.js';
import { requireBuyer } from './policies.js';
import { directoryCompany, searchCompanies, selectionOf, selectionsOf } from './repo.js';
import { selectionCsv } from './selectionCsv.js';
import { setDirectoryListing } from './setDirectoryListing.js';
import { DirectoryPage } from './views/DirectoryPage.js';
import { ContactPage, ListingPage, SelectionPage, SelectionsPage } from './views/SelectionPages.js';

const hidden = { schema: { hide: true } };

const selectionForm = z.object({
  name: z
    .string({ error: 'directory.error.name' })
    .trim()
    .min(1, 'directory.error.name')
    .max(120, 'directory.error.name'),
  companies: z
    .union([z.string(), z.array(z.string())], { error: 'directory.error.none_selected' })
    .transform((v) => (Array.isArray(v) ? v : [v])),
});
const contactForm = z.object({
  message: z
    .string({ error: 'directory.error.message' })
    .trim()
    .min(1, 'directory.error.message')
    .max(4000, 'directory.error.message'),
});
const listingForm = z.object({ listed: z.enum(['oui', 'non']) });

function searchOf(req: FastifyRequest) {
  return directoryQuery.parse(req.query ?? {});
}

export async function directoryRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  app.get('/annuaire', hidden, async (req, reply) => {
    requireBuyer(req.principal);
    const query = searchOf(req);
    const results = await searchCompanies(rt.db, query);
    return sendPage(reply, <DirectoryPage ctx={pageContext(req)} query={query} results={results} />);
  });

  app.post('/annuaire/selections', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const form = parseForm(selectionForm, req.body);
    try {
      if (!form.ok) throw new AppError('validation', { fields: form.errors });
      const { id } = await createSelection(
        rt,
        actor,
        { name: form.data.name, companyIds: form.data.companies },
        req.ip,
      );
      return seeOther(reply, `/annuaire/selections/${id}?fait=1`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      const query = directoryQuery.parse({});
      const results = await searchCompanies(rt.db, query);
      return sendPage(
        reply,
        <DirectoryPage ctx={pageContext(req)} query={query} results={results} errors={error.fields} />,
        400,
      );
    }
  });

  app.get('/annuaire/selections', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    return sendPage(
      reply,
      <SelectionsPage ctx={pageContext(req)} selections={await selectionsOf(rt.db, actor.buyerId)} />,
    );
  });

  app.get<{ Params: { id: string } }>('/annuaire/selections/:id', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const selection = await selectionOf(rt.db, actor.buyerId, req.params.id);
    if (!selection) throw new AppError('not_found');
    const saved = (req.query as Record<string, unknown>).fait === '1';
    return sendPage(
      reply,
      <SelectionPage
        ctx={pageContext(req)}
        selection={selection}
        notice={saved ? req.t('directory.selection.saved') : undefined}
      />,
    );
  });

  app.get<{ Params: { id: string } }>('/annuaire/selections/:id/export.csv', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const selection = await selectionOf(rt.db, actor.buyerId, req.params.id);
    if (!selection) throw new AppError('not_found');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="selection-fournisseurs.csv"')
      .header('cache-control', 'private, no-store')
      .send(selectionCsv(selection.companies));
  });

  const contactTarget = async (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
    const company = await directoryCompany(rt.db, id.toLowerCase());
    // a company that never was in the directory does not exist here
    if (!company) throw new AppError('not_found');
    return company;
  };

  app.get('/annuaire/entreprises/:id/contact', hidden, async (req, reply) => {
    requireBuyer(req.principal);
    const company = await contactTarget(req);
    if (!company.inDirectory) {
      return sendPage(
        reply,
        <ContactPage
          ctx={pageContext(req)}
          company={company}
          errors={[{ field: '_form', message: 'directory.error.left' }]}
          sent
        />,
        409,
      );
    }
    return sendPage(reply, <ContactPage ctx={pageContext(req)} company={company} />);
  });

  app.post('/annuaire/entreprises/:id/contact', hidden, async (req, reply) => {
    const actor = requireBuyer(req.principal);
    const company = await contactTarget(req);
    const form = parseForm(contactForm, req.body);
    if (!form.ok) {
      return sendPage(reply, <ContactPage ctx={pageContext(req)} company={company} errors={form.errors} />, 400);
    }
    try {
      await contactCompany(rt, actor, { companyId: company.id, message: form.data.message }, req.ip);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      const errors = [{ field: '_form', message: error.messageKey ?? 'error.conflict' }];
      return sendPage(
        reply,
        <ContactPage ctx={pageContext(req)} company={company} errors={errors} message={form.data.message} />,
        409,
      );
    }
    return sendPage(reply, <ContactPage ctx={pageContext(req)} company={company} sent />);
  });

  // ---- the company's side: to be listed or not ----

  app.get('/mon-espace/entreprise/annuaire', hidden, async (req, reply) => {
    const actor = requireCompanyActor(req.principal);
    const profile = await companyProfile(rt.db, actor.companyId);
    return sendPage(
      reply,
      <ListingPage ctx={pageContext(req)} listed={profile?.inDirectory ?? false} canEdit={actor.canEdit} />,
    );
  });

  app.post('/mon-espace/entreprise/annuaire', hidden, async (req, reply) => {
    const actor = requireCompanyActor(req.principal);
    const form = parseForm(listingForm, req.body);
    if (!form.ok) throw new AppError('bad_request');
    await setDirectoryListing(rt, actor, form.data.listed === 'oui', req.ip);
    return seeOther(reply, '/mon-espace/entreprise/annuaire');
  });
}
