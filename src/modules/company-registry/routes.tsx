import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { SignUpPage } from '../organisations/index.js';
import type { CompanyRecord } from './domain/registry.js';
import { joinForm, profileForm, siretForm } from './forms.js';
import { lookupCompany } from './lookupCompany.js';
import { requireCompanyActor, requireProfileEditor } from './policies.js';
import { type CompanyProfile, companyIdBySiret, companyProfile } from './repo.js';
import { requestToJoin } from './requestToJoin.js';
import { saveCompanyProfile } from './saveCompanyProfile.js';
import { ProfilePage } from './views/ProfilePage.js';
import { JoinPage, SiretStartPage } from './views/SiretPages.js';

const hidden = { schema: { hide: true } };
const limited = { ...hidden, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };
const on = (b: boolean) => (b ? 'on' : '');

function profileValues(p: CompanyProfile): FormValues {
  return {
    name: p.name,
    address: p.address,
    postal_code: p.postalCode,
    city: p.city,
    department: p.department,
    naf: p.naf,
    legal_category: p.legalCategory,
    size: p.size ?? '',
    head_office: on(p.headOffice),
    is_ess: on(p.isEss),
    is_siae: on(p.isSiae),
    description: p.description,
    keywords: p.keywords,
    cpv_codes: p.cpvCodes.join(', '),
    source: p.source,
  };
}

/** Registry fields over what is already there: only what the registry knows replaces a value. */
function withRecord(values: FormValues, record: CompanyRecord, source: string): FormValues {
  const out: FormValues = { ...values, source };
  const set = (key: string, value: string | null | undefined) => {
    if (value) out[key] = value;
  };
  set('name', record.name);
  set('address', record.address);
  set('postal_code', record.postalCode);
  set('city', record.city);
  set('department', record.department);
  set('naf', record.naf);
  set('legal_category', record.legalCategory);
  set('size', record.size);
  out.head_office = on(record.headOffice);
  if (record.isEss) out.is_ess = 'on';
  if (record.isSiae) out.is_siae = 'on';
  return out;
}

export async function companyRegistryRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  // ---- sign-up from a SIRET ----

  app.get('/inscription/siret', hidden, async (req, reply) => {
    if (req.principal.kind === 'session') return seeOther(reply, '/mon-espace');
    return sendPage(reply, <SiretStartPage ctx={pageContext(req)} />);
  });

  app.post('/inscription/siret', limited, async (req, reply) => {
    const form = parseForm(siretForm, req.body);
    if (!form.ok) {
      return sendPage(reply, <SiretStartPage ctx={pageContext(req)} errors={form.errors} values={form.values} />, 400);
    }
    const { siret } = form.data;
    if (await companyIdBySiret(rt.db, siret)) {
      return sendPage(reply, <JoinPage ctx={pageContext(req)} values={{ siret }} />, 409);
    }
    const outcome = await lookupCompany(rt, siret);
    const values: FormValues =
      outcome.status === 'found' ? withRecord({ siret }, outcome.record, outcome.source) : { siret };
    return sendPage(
      reply,
      <SignUpPage ctx={pageContext(req)} values={values} notice={req.t(`registry.${outcome.status}`)} />,
    );
  });

  app.post('/inscription/siret/rejoindre', limited, async (req, reply) => {
    const form = parseForm(joinForm, req.body);
    if (!form.ok) {
      return sendPage(reply, <JoinPage ctx={pageContext(req)} errors={form.errors} values={form.values} />, 400);
    }
    await requestToJoin(rt, {
      siret: form.data.siret,
      personName: form.data.person_name,
      email: form.data.email,
      message: form.data.message,
      ip: req.ip,
    });
    return sendPage(reply, <JoinPage ctx={pageContext(req)} sent />);
  });

  // ---- company profile ----

  async function showProfile(
    req: FastifyRequest,
    reply: FastifyReply,
    options: {
      values?: FormValues;
      errors?: FieldError[];
      notice?: { kind: 'success' | 'info'; text: string };
      status?: number;
    } = {},
  ) {
    const actor = requireCompanyActor(req.principal);
    const profile = await companyProfile(rt.db, actor.companyId);
    if (!profile) throw new AppError('not_found');
    return sendPage(
      reply,
      <ProfilePage
        ctx={pageContext(req)}
        siret={profile.siret}
        values={options.values ?? profileValues(profile)}
        canEdit={actor.canEdit}
        notice={options.notice}
        errors={options.errors}
      />,
      options.status,
    );
  }

  app.get('/mon-espace/entreprise', hidden, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    return showProfile(
      req,
      reply,
      query.fait === '1' ? { notice: { kind: 'success', text: req.t('registry.profile.saved') } } : {},
    );
  });

  app.post('/mon-espace/entreprise/registre', hidden, async (req, reply) => {
    const actor = requireProfileEditor(req.principal);
    const profile = await companyProfile(rt.db, actor.companyId);
    if (!profile) throw new AppError('not_found');
    const outcome = await lookupCompany(rt, profile.siret);
    const values =
      outcome.status === 'found'
        ? withRecord(profileValues(profile), outcome.record, outcome.source)
        : profileValues(profile);
    return showProfile(req, reply, {
      values,
      notice: { kind: 'info', text: req.t(`registry.${outcome.status}`) },
    });
  });

  app.post('/mon-espace/entreprise', hidden, async (req, reply) => {
    const actor = requireProfileEditor(req.principal);
    const form = parseForm(profileForm, req.body);
    if (!form.ok) return showProfile(req, reply, { values: form.values, errors: form.errors, status: 400 });
    await saveCompanyProfile(rt, actor, form.data, req.ip);
    return seeOther(reply, '/mon-espace/entreprise?fait=1');
  });
}
