import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTrx } from '../../platform/db/kysely.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import type { PageContext } from '../../web/context.js';
import { requireSession } from '../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { addNoticeSlot, addPublicationCheck } from '../tenders/index.js';
import { attachableVaultDocuments } from '../vault/index.js';
import { addSubmissionFile, removeSubmissionFile } from './addSubmissionFile.js';
import {
  appendToUpload,
  ChecksumMismatch,
  checksumAlgorithms,
  parseUploadChecksum,
  uploadOffset,
} from './appendUpload.js';
import { attachVaultDocument } from './attachVaultDocument.js';
import { committeeCheck } from './committeeCheck.js';
import { createUpload } from './createUpload.js';
import { declareBackupCopy } from './declareBackupCopy.js';
import type { SignedReceipt } from './domain/receipt.js';
import { publicKeyPem } from './domain/receipt.js';
import { parseUploadMetadata } from './domain/segmentCipher.js';
import { giveShare, openingRefusal } from './giveShare.js';
import { nameCommittee } from './nameCommittee.js';
import { openedFileStream } from './openedFile.js';
import { type OpeningReport, openSubmissions } from './openSubmissions.js';
import { receiptPdf, reportPdf } from './pdf.js';
import { isTenderBuyer, submittingCompany, uploadableStatuses } from './policies.js';
import { registerCsv, registerRows } from './registerCsv.js';
import { checkRegister } from './registerEntries.js';
import { committeeOf, draftOf, filesOf, holdersOf, lotNumbersOf, type TenderHead, tenderByReference } from './repo.js';
import { answerableTender, type Consortium, saveSubmissionDetails } from './saveSubmissionDetails.js';
import { sealSubmission } from './sealSubmission.js';
import { setHolderPassphrase } from './setHolderPassphrase.js';
import { signingKey } from './signingKey.js';
import { testTenderId, testTenderReference } from './testTender.js';
import { uploadSecretHeader } from './uploadSecret.js';
import { CommitteePage, HolderPage, MyKeysPage } from './views/CommitteePage.js';
import { DepositPage } from './views/DepositPage.js';
import { OpeningPage, ReportPage } from './views/OpeningPage.js';
import { MySubmissionsPage, ReceiptPage } from './views/ReceiptPage.js';
import { RegisterPage } from './views/RegisterPage.js';
import { WorkstationPage } from './views/WorkstationPage.js';

const hidden = { schema: { hide: true } };
type RefParams = { reference: string };

/** The file part of an upload, set aside by the content-type parser until the handler streams it. */
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/** Reads a multipart body up to its first file: the fields before it (CSRF first) become `req.body`. */
async function fieldsBeforeFile(req: FastifyRequest): Promise<Record<string, string>> {
  req.isMultipart = () => true;
  const parts = req
    .parts({ limits: { fileSize: 64 * 1024 ** 3, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } })
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

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

async function buyerTender(rt: Runtime, req: FastifyRequest): Promise<TenderHead> {
  requireSession(req);
  const tender = await tenderByReference(rt.db, (req.params as RefParams).reference);
  if (!tender || !isTenderBuyer(req.principal, tender)) throw new AppError('not_found');
  return tender;
}

const committeeForm = z.object({
  holders: z.union([z.string(), z.array(z.string())]).optional(),
  threshold: z.coerce.number().int().min(0).max(255),
  backup: z.string().max(40),
});

const detailsForm = z.object({
  lots: z.union([z.string(), z.array(z.string())]).optional(),
  consortium_lead: z.string().max(300).optional(),
  consortium_members: z.string().max(5000).optional(),
});

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** "name ; SIRET" lines into consortium members; null when the company answers alone. */
function parseConsortium(lead: string | undefined, members: string | undefined): Consortium | null | 'invalid' {
  const leadName = (lead ?? '').trim();
  const lines = (members ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!leadName && lines.length === 0) return null;
  if (!leadName || lines.length === 0 || lines.length > 50) return 'invalid';
  const parsed = lines.map((l) => {
    const [name, siret] = l.split(';').map((s) => s.trim());
    return { name: name ?? '', siret: siret ? siret.replace(/\s/g, '') : null };
  });
  if (parsed.some((m) => !m.name || m.name.length > 300 || (m.siret !== null && !/^\d{14}$/.test(m.siret))))
    return 'invalid';
  return { lead: leadName, members: parsed };
}

export async function depositView(rt: Runtime, db: DbOrTrx, tender: TenderHead, companyId: string) {
  const [lots, draft, backup] = await Promise.all([
    lotNumbersOf(db, tender.id),
    draftOf(db, tender.id, companyId),
    db
      .selectFrom('backup_copy_declarations')
      .select('declared_at')
      .where('tender_id', '=', tender.id)
      .where('company_id', '=', companyId)
      .orderBy('declared_at', 'desc')
      .executeTakeFirst(),
  ]);
  const files = draft ? await filesOf(db, [draft.id]) : [];
  const vault = await attachableVaultDocuments(db, companyId, tender.submission_deadline ?? new Date());
  void rt;
  const testTender = await testTenderId(db);
  return {
    tender: {
      isTest: testTender === tender.id,
      reference: tender.reference,
      title: tender.title,
      deadline: tender.submission_deadline,
      maxFileBytes: Number(tender.max_file_size_bytes),
      open: (uploadableStatuses as readonly string[]).includes(tender.status),
      backupCopyAllowed: tender.backup_copy_allowed,
    },
    lots,
    draft: draft
      ? {
          lots: draft.lot_numbers,
          consortium: (draft.consortium as Consortium | null) ?? null,
          files: files.map((f) => ({
            id: f.id,
            name: f.file_name,
            kind: f.kind,
            lot: f.lot_number,
            sizeBytes: Number(f.size_bytes),
            sha256: f.sha256,
          })),
        }
      : null,
    backupDeclaredAt: backup?.declared_at ?? null,
    vault: vault.map((d) => ({
      id: d.id,
      title: d.title,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      validUntil: d.validUntil,
      expired: d.status === 'expired',
    })),
  };
}

/** Links on the notice page: the deposit for companies, committee/register/opening for the buyer. */
async function noticeLinks(db: DbOrTrx, ctx: PageContext, tender: { id: string; reference: string; status: string }) {
  const { t } = ctx;
  const head = await db.selectFrom('tenders').select(['buyer_id']).where('id', '=', tender.id).executeTakeFirst();
  if (!head) return null;
  if (isTenderBuyer(ctx.principal, head)) {
    const base = `/mon-espace/consultations/${tender.reference}`;
    return (
      <nav class="card" aria-label={t('submissions.opening.title')}>
        <ul>
          <li>
            <a href={`${base}/commission`}>{t('submissions.committee.link')}</a>
          </li>
          {tender.status !== 'draft' ? (
            <>
              <li>
                <a href={`${base}/depots`}>{t('submissions.register.link')}</a>
              </li>
              <li>
                <a href={`${base}/ouverture`}>{t('submissions.opening.link')}</a>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
    );
  }
  if (submittingCompany(ctx.principal) && tender.status === 'published') {
    return (
      <p>
        <a class="button" href={`/consultations/${tender.reference}/depot`}>
          {t('submissions.deposit.link')}
        </a>
      </p>
    );
  }
  return null;
}

export async function submissionsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  addPublicationCheck('submissions.committee', committeeCheck);
  addNoticeSlot('submissions', noticeLinks);

  app.get('/.well-known/halle-signing-key', hidden, async (_req, reply) => {
    const key = await signingKey(rt.config.signingKeyFile);
    return reply
      .header('content-type', 'application/x-pem-file; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('x-halle-key-id', key.keyId)
      .send(publicKeyPem(key));
  });

  // ---- committee ----

  const showCommittee = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    errors: FieldError[] = [],
    status = 200,
  ) => {
    const [agents, committee, holders] = await Promise.all([
      rt.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name', 'users.email'])
        .where('memberships.organisation_id', '=', tender.buyer_id)
        .where('memberships.role', 'in', ['buyer_agent', 'buyer_admin'])
        .where('users.disabled_at', 'is', null)
        .orderBy('users.name')
        .execute(),
      committeeOf(rt.db, tender.id),
      holdersOf(rt.db, tender.id),
    ]);
    const query = req.query as Record<string, unknown>;
    return sendPage(
      reply,
      <CommitteePage
        ctx={pageContext(req)}
        tender={tender}
        agents={agents}
        committee={
          committee
            ? {
                threshold: committee.threshold,
                keyed: committee.keyed_at !== null,
                holders: holders.map((h) => ({
                  name: h.name,
                  email: h.email,
                  role: h.role,
                  passphraseSet: h.passphrase_set_at !== null,
                })),
              }
            : null
        }
        errors={errors}
        flash={query.nommee === '1' ? req.t('submissions.committee.saved') : undefined}
      />,
      status,
    );
  };

  app.get<{ Params: RefParams }>('/mon-espace/consultations/:reference/commission', hidden, async (req, reply) =>
    showCommittee(req, reply, await buyerTender(rt, req)),
  );

  app.post<{ Params: RefParams }>('/mon-espace/consultations/:reference/commission', hidden, async (req, reply) => {
    const tender = await buyerTender(rt, req);
    const form = committeeForm.safeParse(req.body ?? {});
    if (!form.success) return showCommittee(req, reply, tender, [{ field: '_form', message: 'form.invalid' }], 400);
    try {
      await nameCommittee(rt, requireSession(req), {
        reference: tender.reference,
        holderUserIds: asList(form.data.holders).filter(isUuid),
        threshold: form.data.threshold,
        backupUserId: isUuid(form.data.backup) ? form.data.backup : '',
        ip: req.ip,
      });
    } catch (error) {
      if (error instanceof AppError && error.code !== 'not_found')
        return showCommittee(
          req,
          reply,
          tender,
          error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? 'form.invalid' }],
          error.status,
        );
      throw error;
    }
    return seeOther(reply, `/mon-espace/consultations/${tender.reference}/commission?nommee=1`);
  });

  const holderOf = async (req: FastifyRequest) => {
    const principal = requireSession(req);
    const { holderId } = req.params as { holderId: string };
    if (!isUuid(holderId)) throw new AppError('not_found');
    const holder = await rt.db
      .selectFrom('committee_holders')
      .innerJoin('tenders', 'tenders.id', 'committee_holders.tender_id')
      .select([
        'committee_holders.id',
        'committee_holders.user_id',
        'committee_holders.passphrase_set_at',
        'tenders.reference',
        'tenders.title',
      ])
      .where('committee_holders.id', '=', holderId)
      .executeTakeFirst();
    if (!holder || holder.user_id !== principal.user.id) throw new AppError('not_found');
    return holder;
  };

  app.get('/mon-espace/cles', hidden, async (req, reply) => {
    const principal = requireSession(req);
    const rows = await rt.db
      .selectFrom('committee_holders')
      .innerJoin('tenders', 'tenders.id', 'committee_holders.tender_id')
      .select(['committee_holders.id', 'committee_holders.passphrase_set_at', 'tenders.reference', 'tenders.title'])
      .where('committee_holders.user_id', '=', principal.user.id)
      .orderBy('tenders.reference', 'desc')
      .limit(200)
      .execute();
    const items = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      passphraseSet: r.passphrase_set_at !== null,
    }));
    return sendPage(reply, <MyKeysPage ctx={pageContext(req)} items={items} />);
  });

  app.get('/mon-espace/cles/:holderId', hidden, async (req, reply) => {
    const holder = await holderOf(req);
    return sendPage(
      reply,
      <HolderPage
        ctx={pageContext(req)}
        holderId={holder.id}
        tender={holder}
        done={holder.passphrase_set_at !== null}
      />,
    );
  });

  app.post('/mon-espace/cles/:holderId', hidden, async (req, reply) => {
    const holder = await holderOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const passphrase = typeof body.passphrase === 'string' ? body.passphrase : '';
    const confirmation = typeof body.confirmation === 'string' ? body.confirmation : '';
    const render = (errors: FieldError[], status: number) =>
      sendPage(
        reply,
        <HolderPage ctx={pageContext(req)} holderId={holder.id} tender={holder} done={false} errors={errors} />,
        status,
      );
    if (passphrase !== confirmation)
      return render([{ field: 'confirmation', message: 'submissions.holder.mismatch' }], 400);
    try {
      await setHolderPassphrase(rt, requireSession(req), { holderId: holder.id, passphrase, ip: req.ip });
    } catch (error) {
      if (error instanceof AppError && error.code !== 'not_found') {
        return render(
          error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? 'form.invalid' }],
          error.status,
        );
      }
      throw error;
    }
    return seeOther(reply, `/mon-espace/cles/${holder.id}`);
  });

  // ---- deposit (companies) ----

  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', fieldsBeforeFile);
    scope.addHook('onSend', async (req) => {
      if (pendingFiles.has(req)) drainUpload(req);
    });

    const showDeposit = async (
      req: FastifyRequest,
      reply: FastifyReply,
      errors: FieldError[] = [],
      status = 200,
      flash?: string,
    ) => {
      const { tender, company } = await answerableTender(rt, req.principal, (req.params as RefParams).reference);
      const view = await depositView(rt, rt.db, tender, company.companyId);
      return sendPage(reply, <DepositPage ctx={pageContext(req)} view={view} errors={errors} flash={flash} />, status);
    };
    const refuse = (req: FastifyRequest, reply: FastifyReply, error: unknown) => {
      if (error instanceof AppError && !['not_found', 'unauthenticated', 'forbidden'].includes(error.code)) {
        return showDeposit(
          req,
          reply,
          error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }],
          error.status,
        );
      }
      throw error;
    };

    scope.get<{ Params: RefParams }>('/consultations/:reference/depot', hidden, async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const flash =
        typeof query.depose === 'string'
          ? req.t('submissions.deposit.uploaded', { name: query.depose.slice(0, 255) }) +
            (query.perime === '1' ? ` ${req.t('submissions.vault.expired_attached')}` : '')
          : undefined;
      return showDeposit(req, reply, [], 200, flash);
    });

    scope.post<{ Params: RefParams }>('/consultations/:reference/depot/details', hidden, async (req, reply) => {
      const form = detailsForm.safeParse(req.body ?? {});
      if (!form.success) return showDeposit(req, reply, [{ field: '_form', message: 'form.invalid' }], 400);
      const consortium = parseConsortium(form.data.consortium_lead, form.data.consortium_members);
      if (consortium === 'invalid')
        return showDeposit(
          req,
          reply,
          [{ field: 'consortium_members', message: 'submissions.submit.consortium_invalid' }],
          400,
        );
      try {
        await saveSubmissionDetails(rt, req.principal, {
          reference: req.params.reference,
          lots: asList(form.data.lots).map(Number).filter(Number.isInteger),
          consortium,
          ip: req.ip,
        });
      } catch (error) {
        return refuse(req, reply, error);
      }
      return seeOther(reply, `/consultations/${req.params.reference}/depot`);
    });

    scope.post<{ Params: RefParams }>('/consultations/:reference/depot/fichiers', hidden, async (req, reply) => {
      const part = pendingFiles.get(req);
      const body = (req.body ?? {}) as Record<string, string>;
      if (!part?.filename) {
        drainUpload(req);
        return showDeposit(req, reply, [{ field: 'file', message: 'submissions.file.no_name' }], 400);
      }
      const kind = body.kind ?? 'candidature';
      const offer = /^offer:(\d{1,4})$/.exec(kind);
      try {
        const added = await addSubmissionFile(rt, req.principal, {
          reference: req.params.reference,
          kind: offer ? 'offer' : 'candidature',
          lotNumber: offer ? Number(offer[1]) : null,
          fileName: part.filename,
          content: part.file,
          ip: req.ip,
        });
        void added;
      } catch (error) {
        drainUpload(req);
        return refuse(req, reply, error);
      }
      return seeOther(
        reply,
        `/consultations/${req.params.reference}/depot?depose=${encodeURIComponent(part.filename.slice(0, 200))}`,
      );
    });

    // one click: a document of the company's vault joins the candidature, encrypted like an upload
    scope.post<{ Params: RefParams }>('/consultations/:reference/depot/coffre', hidden, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const documentId = typeof body.document === 'string' ? body.document : '';
      let attached: Awaited<ReturnType<typeof attachVaultDocument>>;
      try {
        attached = await attachVaultDocument(rt, req.principal, {
          reference: req.params.reference,
          documentId,
          ip: req.ip,
        });
      } catch (error) {
        return refuse(req, reply, error);
      }
      const warning = attached.warning === 'vault.warning.expired' ? '&perime=1' : '';
      return seeOther(
        reply,
        `/consultations/${req.params.reference}/depot?depose=${encodeURIComponent(attached.fileName.slice(0, 200))}${warning}`,
      );
    });

    // the workstation check: a file streamed, hashed and dropped (nothing kept), to test the connection
    scope.get('/depot-test', hidden, async (req, reply) =>
      sendPage(reply, <WorkstationPage ctx={pageContext(req)} testReference={await testTenderReference(rt.db)} />),
    );
    scope.post('/depot-test', hidden, async (req, reply) => {
      const part = pendingFiles.get(req);
      if (!part) {
        drainUpload(req);
        return sendPage(
          reply,
          <WorkstationPage
            ctx={pageContext(req)}
            testReference={await testTenderReference(rt.db)}
            errors={[{ field: 'file', message: 'submissions.file.no_name' }]}
          />,
          400,
        );
      }
      const started = process.hrtime.bigint();
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > 100 * 1000 * 1000) throw new AppError('payload_too_large');
        hash.update(chunk);
      }
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      return sendPage(
        reply,
        <WorkstationPage
          ctx={pageContext(req)}
          testReference={await testTenderReference(rt.db)}
          result={{ size, ms, sha256: hash.digest('hex') }}
        />,
      );
    });
  });

  // ---- resumable uploads (tus 1.0.0 core: OPTIONS, POST creation, HEAD, PATCH) ----
  // Own small implementation rather than @tus/server: the store must encrypt as it writes and
  // keep its state in PostgreSQL and the blob store (any process can take the next PATCH).
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null, undefined));
    const tusHeaders = (reply: FastifyReply) =>
      reply.header('tus-resumable', '1.0.0').header('cache-control', 'no-store');
    const base = '/consultations/:reference/depot/tus';
    const secretOf = (req: FastifyRequest) => {
      const value = req.headers[uploadSecretHeader];
      return typeof value === 'string' ? value : undefined;
    };

    scope.options(base, hidden, async (_req, reply) =>
      tusHeaders(reply)
        .header('tus-version', '1.0.0')
        .header('tus-extension', 'creation,checksum')
        .header('tus-checksum-algorithm', checksumAlgorithms.join(','))
        .code(204)
        .send(),
    );

    scope.post<{ Params: RefParams }>(base, hidden, async (req, reply) => {
      const length = Number(req.headers['upload-length']);
      const metadata = parseUploadMetadata(
        typeof req.headers['upload-metadata'] === 'string' ? req.headers['upload-metadata'] : undefined,
      );
      const created = await createUpload(rt, req.principal, {
        reference: req.params.reference,
        length,
        fileName: metadata.get('filename') ?? '',
        kind: metadata.get('kind') ?? 'candidature',
        ip: req.ip,
      });
      return tusHeaders(reply)
        .header('location', `/consultations/${req.params.reference}/depot/tus/${created.uploadId}`)
        .header(uploadSecretHeader, created.secret)
        .header('upload-offset', '0')
        .code(201)
        .send();
    });

    scope.route<{ Params: RefParams & { uploadId: string } }>({
      method: 'HEAD',
      url: `${base}/:uploadId`,
      ...hidden,
      handler: async (req, reply) => {
        const state = await uploadOffset(rt, req.principal, {
          reference: req.params.reference,
          uploadId: req.params.uploadId,
          secret: secretOf(req),
          ip: req.ip,
        });
        return tusHeaders(reply)
          .header('upload-offset', String(state.offset))
          .header('upload-length', String(state.length))
          .code(200)
          .send();
      },
    });

    scope.patch<{ Params: RefParams & { uploadId: string } }>(`${base}/:uploadId`, hidden, async (req, reply) => {
      if (req.headers['content-type'] !== 'application/offset+octet-stream') {
        req.raw.resume();
        return tusHeaders(reply).code(415).send();
      }
      const offset = Number(req.headers['upload-offset']);
      if (!Number.isSafeInteger(offset) || offset < 0) {
        req.raw.resume();
        throw new AppError('bad_request');
      }
      try {
        const checksumHeader = req.headers['upload-checksum'];
        const state = await appendToUpload(rt, req.principal, {
          reference: req.params.reference,
          uploadId: req.params.uploadId,
          secret: secretOf(req),
          offset,
          body: req.raw,
          checksum: parseUploadChecksum(typeof checksumHeader === 'string' ? checksumHeader : undefined),
          ip: req.ip,
        });
        return tusHeaders(reply).header('upload-offset', String(state.offset)).code(204).send();
      } catch (error) {
        req.raw.resume();
        // tus checksum extension: 460 Checksum Mismatch, nothing of the body kept
        if (error instanceof ChecksumMismatch) return tusHeaders(reply).code(460).send();
        throw error;
      }
    });
  });

  app.post<{ Params: RefParams & { fileId: string } }>(
    '/consultations/:reference/depot/fichiers/:fileId/retirer',
    hidden,
    async (req, reply) => {
      await removeSubmissionFile(rt, req.principal, {
        reference: req.params.reference,
        fileId: req.params.fileId,
        ip: req.ip,
      });
      return seeOther(reply, `/consultations/${req.params.reference}/depot`);
    },
  );

  app.post<{ Params: RefParams }>('/consultations/:reference/depot/copie-de-sauvegarde', hidden, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await declareBackupCopy(rt, req.principal, {
      reference: req.params.reference,
      medium: typeof body.medium === 'string' ? body.medium : '',
      ip: req.ip,
    });
    return seeOther(reply, `/consultations/${req.params.reference}/depot`);
  });

  app.post<{ Params: RefParams }>('/consultations/:reference/depot/sceller', hidden, async (req, reply) => {
    try {
      const sealed = await sealSubmission(rt, req.principal, { reference: req.params.reference, ip: req.ip });
      return seeOther(reply, `/mon-espace/depots/${sealed.submissionId}?scelle=1`);
    } catch (error) {
      if (error instanceof AppError && !['not_found', 'unauthenticated', 'forbidden'].includes(error.code)) {
        const { tender, company } = await answerableTender(rt, req.principal, req.params.reference);
        const view = await depositView(rt, rt.db, tender, company.companyId);
        const errors = error.fields.length
          ? error.fields
          : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
        return sendPage(reply, <DepositPage ctx={pageContext(req)} view={view} errors={errors} />, error.status);
      }
      throw error;
    }
  });

  // ---- receipts (companies) ----

  const ownReceipt = async (req: FastifyRequest): Promise<SignedReceipt> => {
    requireSession(req);
    const company = submittingCompany(req.principal);
    const { id } = req.params as { id: string };
    if (!company || !isUuid(id)) throw new AppError('not_found');
    const row = await rt.db
      .selectFrom('submissions')
      .select(['receipt'])
      .where('id', '=', id)
      .where('company_id', '=', company.companyId)
      .where('status', '=', 'sealed')
      .executeTakeFirst();
    if (!row?.receipt) throw new AppError('not_found');
    return row.receipt as SignedReceipt;
  };

  app.get('/mon-espace/depots', hidden, async (req, reply) => {
    requireSession(req);
    const company = submittingCompany(req.principal);
    if (!company) throw new AppError('forbidden');
    const rows = await rt.db
      .selectFrom('submissions')
      .innerJoin('tenders', 'tenders.id', 'submissions.tender_id')
      .select(['submissions.id', 'submissions.receipt', 'tenders.reference', 'tenders.title'])
      .where('submissions.company_id', '=', company.companyId)
      .where('submissions.status', '=', 'sealed')
      .orderBy('submissions.sealed_at', 'desc')
      .limit(500)
      .execute();
    const items = rows.map((r) => {
      const receipt = r.receipt as SignedReceipt;
      return {
        id: r.id,
        reference: r.reference,
        title: r.title,
        sealedAt: receipt.body.sealedAt,
        late: receipt.body.late,
        files: receipt.body.files.length,
      };
    });
    return sendPage(reply, <MySubmissionsPage ctx={pageContext(req)} items={items} />);
  });

  app.get('/mon-espace/depots/:id', hidden, async (req, reply) => {
    const receipt = await ownReceipt(req);
    return sendPage(
      reply,
      <ReceiptPage
        ctx={pageContext(req)}
        receipt={receipt}
        fresh={(req.query as Record<string, unknown>).scelle === '1'}
      />,
    );
  });

  app.get('/mon-espace/depots/:id/accuse.json', hidden, async (req, reply) => {
    const receipt = await ownReceipt(req);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="accuse-${receipt.body.tender.reference}-${receipt.body.register.position}.json"`,
      )
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(receipt, null, 2));
  });

  app.get('/mon-espace/depots/:id/accuse.pdf', hidden, async (req, reply) => {
    const receipt = await ownReceipt(req);
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="accuse-${receipt.body.tender.reference}-${receipt.body.register.position}.pdf"`,
      )
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(await receiptPdf(receipt)));
  });

  // ---- register and opening (buyers) ----

  app.get<{ Params: RefParams }>('/mon-espace/consultations/:reference/depots', hidden, async (req, reply) => {
    const tender = await buyerTender(rt, req);
    const [rows, chain] = await Promise.all([registerRows(rt.db, tender.id), checkRegister(rt.db, tender.id)]);
    return sendPage(
      reply,
      <RegisterPage
        ctx={pageContext(req)}
        tender={tender}
        rows={rows.map((r) => ({ ...r, company: r.siret ? `${r.companyName} (${r.siret})` : r.companyName }))}
        chain={chain}
      />,
    );
  });

  app.get<{ Params: RefParams }>('/mon-espace/consultations/:reference/depots.csv', hidden, async (req, reply) => {
    const tender = await buyerTender(rt, req);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registre-depots-${tender.reference}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(registerCsv(rt.db, tender.id)));
  });

  const reportOf = async (tenderId: string): Promise<OpeningReport | null> => {
    const row = await rt.db
      .selectFrom('opening_reports')
      .select('report')
      .where('tender_id', '=', tenderId)
      .executeTakeFirst();
    return (row?.report as OpeningReport | undefined) ?? null;
  };

  const showOpening = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tender: TenderHead,
    errors: FieldError[] = [],
    status = 200,
    flash?: string,
  ) => {
    const report = await reportOf(tender.id);
    if (report) return seeOther(reply, `/mon-espace/consultations/${tender.reference}/proces-verbal`);
    const principal = requireSession(req);
    const now = new Date();
    const [committee, holders, session] = await Promise.all([
      committeeOf(rt.db, tender.id),
      holdersOf(rt.db, tender.id),
      rt.db
        .selectFrom('opening_sessions')
        .select('id')
        .where('tender_id', '=', tender.id)
        .where('completed_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst(),
    ]);
    const given = session
      ? Number(
          (
            await rt.db
              .selectFrom('opening_session_shares')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('session_id', '=', session.id)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
    return sendPage(
      reply,
      <OpeningPage
        ctx={pageContext(req)}
        tender={tender}
        threshold={committee?.threshold ?? 0}
        given={given}
        isHolder={holders.some((h) => h.user_id === principal.user.id)}
        refusal={committee ? openingRefusal(tender, now) : 'submissions.opening.no_share'}
        errors={errors}
        flash={flash}
      />,
      status,
    );
  };

  app.get<{ Params: RefParams }>('/mon-espace/consultations/:reference/ouverture', hidden, async (req, reply) =>
    showOpening(req, reply, await buyerTender(rt, req)),
  );

  app.post<{ Params: RefParams }>('/mon-espace/consultations/:reference/ouverture/part', hidden, async (req, reply) => {
    const tender = await buyerTender(rt, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await giveShare(rt, requireSession(req), {
        reference: tender.reference,
        passphrase: typeof body.passphrase === 'string' ? body.passphrase.slice(0, 1000) : '',
        ip: req.ip,
      });
    } catch (error) {
      if (error instanceof AppError && error.code !== 'not_found') {
        return showOpening(
          req,
          reply,
          tender,
          error.fields.length ? error.fields : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }],
          error.status,
        );
      }
      throw error;
    }
    return showOpening(req, reply, tender, [], 200, req.t('submissions.opening.share_recorded'));
  });

  app.post<{ Params: RefParams }>(
    '/mon-espace/consultations/:reference/ouverture/ouvrir',
    hidden,
    async (req, reply) => {
      const tender = await buyerTender(rt, req);
      try {
        await openSubmissions(rt, requireSession(req), { reference: tender.reference, ip: req.ip });
      } catch (error) {
        if (error instanceof AppError && error.code !== 'not_found') {
          return showOpening(
            req,
            reply,
            tender,
            [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }],
            error.status,
          );
        }
        throw error;
      }
      return seeOther(reply, `/mon-espace/consultations/${tender.reference}/proces-verbal`);
    },
  );

  app.get<{ Params: RefParams }>('/mon-espace/consultations/:reference/proces-verbal', hidden, async (req, reply) => {
    const tender = await buyerTender(rt, req);
    const report = await reportOf(tender.id);
    if (!report) throw new AppError('not_found');
    return sendPage(reply, <ReportPage ctx={pageContext(req)} report={report} />);
  });

  app.get<{ Params: RefParams }>(
    '/mon-espace/consultations/:reference/proces-verbal.pdf',
    hidden,
    async (req, reply) => {
      const tender = await buyerTender(rt, req);
      const report = await reportOf(tender.id);
      if (!report) throw new AppError('not_found');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="proces-verbal-ouverture-${tender.reference}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(await reportPdf(report)));
    },
  );

  app.get<{ Params: RefParams & { fileId: string } }>(
    '/mon-espace/consultations/:reference/plis/:fileId',
    hidden,
    async (req, reply) => {
      const file = await openedFileStream(rt, requireSession(req), {
        reference: req.params.reference,
        fileId: req.params.fileId,
        ip: req.ip,
      });
      const fallback = file.name
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '_')
        .replace(/["\\%]/g, '_');
      return reply
        .header('content-type', 'application/octet-stream')
        .header(
          'content-disposition',
          `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('content-length', String(file.sizeBytes))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
