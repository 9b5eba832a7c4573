import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { Runtime } from '../../platform/runtime.js';
import { type FormValues, parseForm } from '../../web/forms.js';
import { pageContext, seeOther, sendPage } from '../../web/render.js';
import { attachmentHeader } from '../../web/uploads.js';
import { requireCompanyActor } from '../company-registry/index.js';
import { deleteVaultDocument } from './deleteVaultDocument.js';
import { parisDate, vaultDocumentTypes } from './domain/expiry.js';
import { vaultLimits } from './limits.js';
import { vaultDocument, vaultDocuments } from './repo.js';
import { uploadVaultDocument } from './uploadVaultDocument.js';
import { VaultPage } from './views/VaultPage.js';

const hidden = { schema: { hide: true } };

const uploadFields = z.object({
  type: z.enum(vaultDocumentTypes as ['kbis', ...string[]], 'vault.error.type'),
  title: z.string({ error: 'vault.error.title' }).trim().min(1, 'vault.error.title').max(200, 'vault.error.title'),
  valid_until: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ''))
    .refine(
      (v) =>
        v === '' ||
        (/^\d{4}-\d{2}-\d{2}$/.test(v) &&
          !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
          new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
      'vault.error.valid_until',
    ),
});

/** The file part of an upload, set aside by the content-type parser until the handler streams it. */
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/**
 * Reads a multipart body up to its first file (as the tender documents do): the fields before it,
 * CSRF token first, become `req.body` for the app-wide CSRF check; the file is left unread for
 * the handler to stream into the blob store.
 */
async function fieldsBeforeFile(req: FastifyRequest): Promise<Record<string, string>> {
  req.isMultipart = () => true;
  const parts = req
    .parts({
      preservePath: true,
      limits: { fileSize: vaultLimits.maxFileBytes + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
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

/** Whatever happened, the rest of the upload is read and dropped so the browser reads our answer. */
function drainUpload(req: FastifyRequest): void {
  const part = pendingFiles.get(req);
  if (part && !part.file.destroyed && !part.file.readableEnded) part.file.resume();
  req.raw.resume();
}

export async function vaultRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  const showPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldError[]; values?: FormValues; notice?: string; status?: number } = {},
  ) => {
    const actor = requireCompanyActor(req.principal);
    const documents = await vaultDocuments(rt.db, actor.companyId);
    return sendPage(
      reply,
      <VaultPage
        ctx={pageContext(req)}
        documents={documents}
        today={parisDate(new Date())}
        maxFileBytes={vaultLimits.maxFileBytes}
        notice={extra.notice}
        errors={extra.errors}
        values={extra.values}
      />,
      extra.status,
    );
  };

  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', fieldsBeforeFile);
    scope.addHook('onSend', async (req) => {
      if (pendingFiles.has(req)) drainUpload(req);
    });

    scope.get('/mon-espace/coffre-fort', hidden, async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const notice =
        query.fait === 'depose'
          ? req.t('vault.upload.done')
          : query.fait === 'supprime'
            ? req.t('vault.delete.done')
            : undefined;
      return showPage(req, reply, { notice });
    });

    scope.post('/mon-espace/coffre-fort', hidden, async (req, reply) => {
      const actor = requireCompanyActor(req.principal);
      const part = pendingFiles.get(req);
      const form = parseForm(uploadFields, req.body);
      const body = (req.body ?? {}) as Record<string, string>;
      const values = { type: body.type ?? '', title: body.title ?? '', valid_until: body.valid_until ?? '' };
      if (!form.ok || !part?.filename) {
        drainUpload(req);
        const errors = form.ok ? [] : form.errors;
        if (!part?.filename) errors.push({ field: 'file', message: 'vault.error.file_required' });
        return showPage(req, reply, { errors, values, status: 400 });
      }
      try {
        await uploadVaultDocument(
          rt,
          actor,
          {
            type: form.data.type as 'kbis',
            title: form.data.title,
            validUntil: form.data.valid_until || null,
            fileName: part.filename,
            content: part.file,
          },
          req.ip,
        );
      } catch (error) {
        drainUpload(req);
        if (!(error instanceof AppError) || error.code === 'not_found') throw error;
        const errors = error.fields.length ? error.fields : [{ field: '_form', message: `error.${error.code}` }];
        return showPage(req, reply, { errors, values, status: error.status });
      }
      return seeOther(reply, '/mon-espace/coffre-fort?fait=depose');
    });

    scope.get<{ Params: { id: string } }>('/mon-espace/coffre-fort/:id', hidden, async (req, reply) => {
      const actor = requireCompanyActor(req.principal);
      const document = await vaultDocument(rt.db, actor.companyId, req.params.id);
      if (!document) throw new AppError('not_found');
      return reply
        .header('content-type', document.contentType)
        .header('content-disposition', attachmentHeader(document.fileName))
        .header('content-length', String(document.sizeBytes))
        .header('cache-control', 'private, no-store')
        .send(await rt.blobs.get(document.storageKey));
    });

    scope.post<{ Params: { id: string } }>('/mon-espace/coffre-fort/:id/supprimer', hidden, async (req, reply) => {
      const actor = requireCompanyActor(req.principal);
      await deleteVaultDocument(rt, actor, req.params.id, req.ip);
      return seeOther(reply, '/mon-espace/coffre-fort?fait=supprime');
    });
  });
}
