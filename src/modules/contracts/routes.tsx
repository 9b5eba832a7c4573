import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, formValues, parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { attachmentHeader } from '../../web/uploads.js';
import { addModification } from './addModification.js';
import { changeContractStatus, type StatusChange } from './changeContractStatus.js';
import { declareSubcontract } from './declareSubcontract.js';
import { decpApiRoutes } from './decpApiRoutes.js';
import { contractDataForm, contractorSirets, insertionForm, modificationForm, subcontractForm } from './forms.js';
import { notifyContract } from './notifyContract.js';
import { assertHolds, assertManages, requireContractBuyer, requireContractCompany } from './policies.js';
import {
  contractById,
  contractOwners,
  contractsOfBuyer,
  contractsOfCompany,
  decpRecordsOf,
  insertionReportsOf,
  modificationsOf,
  subcontractsOf,
} from './repo.js';
import { reportInsertionHours } from './reportInsertionHours.js';
import { updateContractData } from './updateContractData.js';
import { contractLimits, signedDocumentOf, uploadSignedDocument } from './uploadSignedDocument.js';
import {
  BuyerContractPage,
  BuyerContractsPage,
  CompanyContractPage,
  CompanyContractsPage,
  type ContractDetail,
  type ContractForm,
  type FormLists,
  type PageState,
} from './views/ContractPages.js';
import { instant } from './views/parts.js';

const hidden = { schema: { hide: true } };
const listFields = [
  'price_types',
  'techniques',
  'execution_modes',
  'social_considerations',
  'environmental_considerations',
];

async function detailOf(rt: Runtime, id: string): Promise<ContractDetail> {
  const contract = await contractById(rt.db, id);
  if (!contract) throw new AppError('not_found');
  return {
    contract,
    modifications: await modificationsOf(rt.db, id),
    subcontracts: await subcontractsOf(rt.db, id),
    insertion: await insertionReportsOf(rt.db, id),
    decp: await decpRecordsOf(rt.db, id),
  };
}

function listsOf(body: unknown): FormLists {
  const values = (body ?? {}) as Record<string, unknown>;
  const lists: FormLists = {};
  for (const name of listFields) {
    const v = values[name];
    lists[name] = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
  }
  return lists;
}

const notices: Record<
  string,
  | 'contracts.page.saved'
  | 'contracts.page.document.done'
  | 'contracts.page.notify.done'
  | 'contracts.action.done'
  | 'contracts.page.insertion.done'
> = {
  donnees: 'contracts.page.saved',
  document: 'contracts.page.document.done',
  notifie: 'contracts.page.notify.done',
  statut: 'contracts.action.done',
  insertion: 'contracts.page.insertion.done',
};

/** The file part of an upload, set aside by the content-type parser until the handler streams it. */
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/** Reads a multipart body up to its first file (as the vault does): fields first, CSRF token among them. */
async function fieldsBeforeFile(req: FastifyRequest): Promise<Record<string, string>> {
  req.isMultipart = () => true;
  const parts = req
    .parts({
      preservePath: true,
      limits: { fileSize: contractLimits.maxFileBytes + 1, files: 1, fields: 5, fieldSize: 10_000, parts: 7 },
    })
    [Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  for (;;) {
    const next = await parts.next();
    if (next.done) break;
    const part = next.value;
    if (part.type === 'file') {
      pendingFiles.set(req, part);
      break;
    }
    if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  return fields;
}

function drainUpload(req: FastifyRequest): void {
  const part = pendingFiles.get(req);
  if (part && !part.file.destroyed && !part.file.readableEnded) part.file.resume();
  req.raw.resume();
}

/** Field errors and refusals of a command, to show on the page; anything else goes up. */
function refusalOf(req: FastifyRequest, error: unknown): { errors: FieldError[]; problem?: string; status: number } {
  if (!(error instanceof AppError) || error.code === 'not_found' || error.code === 'forbidden') throw error;
  if (error.messageKey === 'contracts.error.standstill') {
    return {
      errors: [],
      problem: req.t('contracts.error.standstill', { date: instant(new Date(error.message), req.locale) }),
      status: error.status,
    };
  }
  if (error.fields.length) return { errors: error.fields, status: error.status };
  return { errors: [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }], status: error.status };
}

export async function contractsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await decpApiRoutes(app, rt);

  // ---- buyers ----

  app.get('/mon-espace/contrats', hidden, async (req, reply) => {
    const actor = requireContractBuyer(req.principal);
    return sendPage(
      reply,
      <BuyerContractsPage ctx={pageContext(req)} contracts={await contractsOfBuyer(rt.db, actor.buyerId)} />,
    );
  });

  const showContract = async (req: FastifyRequest, reply: FastifyReply, state: PageState = {}, status = 200) => {
    const actor = requireContractBuyer(req.principal);
    const { id } = req.params as { id: string };
    assertManages(actor, await contractOwners(rt.db, id));
    return sendPage(
      reply,
      <BuyerContractPage
        ctx={pageContext(req)}
        detail={await detailOf(rt, id)}
        state={state}
        maxFileBytes={contractLimits.maxFileBytes}
      />,
      status,
    );
  };

  app.get<{ Params: { id: string } }>('/mon-espace/contrats/:id', hidden, async (req, reply) => {
    const done = (req.query as Record<string, unknown>).fait;
    const key = typeof done === 'string' ? notices[done] : undefined;
    if (done === 'modification' || done === 'sous-traitance') {
      const n = Number((req.query as Record<string, unknown>).n);
      const notice = req.t(
        done === 'modification' ? 'contracts.page.modifications.done' : 'contracts.page.subcontracts.done',
        {
          number: Number.isInteger(n) ? n : 0,
        },
      );
      return showContract(req, reply, { notice });
    }
    return showContract(req, reply, key ? { notice: req.t(key) } : {});
  });

  /** A form of the contract page: parse, run, redirect; or the page again with its errors. */
  const command = <T,>(
    path: string,
    form: ContractForm,
    parse: (body: unknown, id: string) => Promise<{ ok: true; data: T } | { ok: false; errors: FieldError[] }>,
    run: (actor: ReturnType<typeof requireContractBuyer>, id: string, data: T, req: FastifyRequest) => Promise<string>,
  ) => {
    app.post<{ Params: { id: string } }>(`/mon-espace/contrats/:id/${path}`, hidden, async (req, reply) => {
      const actor = requireContractBuyer(req.principal);
      assertManages(actor, await contractOwners(rt.db, req.params.id));
      const values: FormValues = formValues(req.body);
      const parsed = await parse(req.body, req.params.id);
      if (!parsed.ok)
        return showContract(req, reply, { form, errors: parsed.errors, values, lists: listsOf(req.body) }, 400);
      try {
        const query = await run(actor, req.params.id, parsed.data, req);
        return seeOther(reply, `/mon-espace/contrats/${req.params.id}?${query}`);
      } catch (error) {
        const refusal = refusalOf(req, error);
        return showContract(
          req,
          reply,
          {
            form,
            errors: refusal.errors,
            values,
            lists: listsOf(req.body),
            ...(refusal.problem ? { problem: refusal.problem } : {}),
          },
          refusal.status,
        );
      }
    });
  };

  command(
    'donnees',
    'data',
    async (body, id) => {
      const contract = await contractById(rt.db, id);
      const form = parseForm(contractDataForm, body);
      const sirets = contractorSirets(body, contract?.contractors.length ?? 0);
      if (!form.ok || sirets.errors.length) {
        return { ok: false, errors: [...(form.ok ? [] : form.errors), ...sirets.errors] };
      }
      return { ok: true, data: { ...form.data, sirets: sirets.sirets } };
    },
    async (actor, id, data, req) => {
      await updateContractData(rt, actor, id, data, req.ip);
      return 'fait=donnees';
    },
  );

  command(
    'notifier',
    'notify',
    async () => ({ ok: true, data: null }),
    async (actor, id, _data, req) => {
      await notifyContract(rt, actor, id, { ip: req.ip });
      return 'fait=notifie';
    },
  );

  command(
    'statut',
    'status',
    async (body) => {
      const event = (body as Record<string, unknown> | undefined)?.event;
      if (event !== 'startExecution' && event !== 'end' && event !== 'terminate') {
        return { ok: false, errors: [{ field: '_form', message: 'contracts.error.transition' }] };
      }
      return { ok: true, data: event as StatusChange };
    },
    async (actor, id, event, req) => {
      await changeContractStatus(rt, actor, id, event, req.ip);
      return 'fait=statut';
    },
  );

  command(
    'modifications',
    'modification',
    async (body) => parseForm(modificationForm, body),
    async (actor, id, data, req) => {
      const { number } = await addModification(rt, actor, id, data, { ip: req.ip });
      return `fait=modification&n=${number}`;
    },
  );

  command(
    'sous-traitance',
    'subcontract',
    async (body) => parseForm(subcontractForm, body),
    async (actor, id, data, req) => {
      const { number } = await declareSubcontract(rt, actor, id, data, { ip: req.ip });
      return `fait=sous-traitance&n=${number}`;
    },
  );

  command(
    'insertion',
    'insertion',
    async (body) => parseForm(insertionForm, body),
    async (actor, id, data, req) => {
      await reportInsertionHours(rt, actor, id, data, req.ip);
      return 'fait=insertion';
    },
  );

  const sendDocument = async (reply: FastifyReply, id: string) => {
    const document = await signedDocumentOf(rt, id);
    if (!document) throw new AppError('not_found');
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', attachmentHeader(document.fileName))
      .header('content-length', String(document.sizeBytes))
      .header('cache-control', 'private, no-store')
      .send(await rt.blobs.get(document.storageKey));
  };

  app.get<{ Params: { id: string } }>('/mon-espace/contrats/:id/document', hidden, async (req, reply) => {
    const actor = requireContractBuyer(req.principal);
    assertManages(actor, await contractOwners(rt.db, req.params.id));
    return sendDocument(reply, req.params.id);
  });

  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', fieldsBeforeFile);
    scope.addHook('onSend', async (req) => {
      if (pendingFiles.has(req)) drainUpload(req);
    });
    scope.post<{ Params: { id: string } }>('/mon-espace/contrats/:id/document', hidden, async (req, reply) => {
      const actor = requireContractBuyer(req.principal);
      assertManages(actor, await contractOwners(rt.db, req.params.id));
      const part = pendingFiles.get(req);
      if (!part?.filename) {
        drainUpload(req);
        return showContract(
          req,
          reply,
          { form: 'document', errors: [{ field: 'file', message: 'contracts.error.file_required' }] },
          400,
        );
      }
      try {
        await uploadSignedDocument(rt, actor, req.params.id, { fileName: part.filename, content: part.file }, req.ip);
      } catch (error) {
        drainUpload(req);
        const refusal = refusalOf(req, error);
        return showContract(req, reply, { form: 'document', errors: refusal.errors }, refusal.status);
      }
      return seeOther(reply, `/mon-espace/contrats/${req.params.id}?fait=document`);
    });
  });

  // ---- companies (read-only) ----

  app.get('/mon-espace/marches', hidden, async (req, reply) => {
    const actor = requireContractCompany(req.principal);
    return sendPage(
      reply,
      <CompanyContractsPage ctx={pageContext(req)} contracts={await contractsOfCompany(rt.db, actor.companyId)} />,
    );
  });

  /** The company sees its contract once notified; before, it does not exist for it. */
  const companyContract = async (req: FastifyRequest, id: string) => {
    const actor = requireContractCompany(req.principal);
    assertHolds(actor, await contractOwners(rt.db, id));
    const detail = await detailOf(rt, id);
    if (detail.contract.status === 'awaiting_notification') throw new AppError('not_found');
    return detail;
  };

  app.get<{ Params: { id: string } }>('/mon-espace/marches/:id', hidden, async (req, reply) => {
    return sendPage(
      reply,
      <CompanyContractPage ctx={pageContext(req)} detail={await companyContract(req, req.params.id)} />,
    );
  });

  app.get<{ Params: { id: string } }>('/mon-espace/marches/:id/document', hidden, async (req, reply) => {
    await companyContract(req, req.params.id);
    return sendDocument(reply, req.params.id);
  });
}
