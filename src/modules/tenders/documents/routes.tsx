import { Readable } from 'node:stream';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError, notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { parseForm } from '../../../web/forms.js';
import { requireSession } from '../../../web/guards.js';
import { pageContext, seeOther, sendPage } from '../../../web/render.js';
import { canReadTender } from '../policies.js';
import { type DocumentsEditor, managedTender } from './access.js';
import { dceFolderName, dceZipEntries } from './dceZip.js';
import { dceLimits, documentTypes } from './limits.js';
import { recordRetrieval } from './recordRetrieval.js';
import { removeDocument } from './removeDocument.js';
import {
  currentAndStagedDocuments,
  currentDocuments,
  type DocumentRow,
  findDocument,
  inVersion,
  type TenderHead,
  tenderHeadByReference,
} from './repo.js';
import { uploadDocument } from './uploadDocument.js';
import { DocumentsPage } from './views/DocumentsPage.js';
import { zipLength, zipStream } from './zip.js';

const hidden = { schema: { hide: true } };

const uploadFields = z.object({
  type: z.enum(documentTypes as [string, ...string[]], 'documents.error.type_required'),
});

/** The file part of an upload, set aside by the content-type parser until the handler streams it. */
const pendingFiles = new WeakMap<FastifyRequest, MultipartFile>();

/**
 * Reads a multipart body only up to its first file: the text fields before it (the CSRF token
 * first, then the document type) become `req.body`, so the app-wide CSRF check runs as for any
 * form, and the file is left unread for the handler to stream into the blob store.
 */
async function fieldsBeforeFile(req: FastifyRequest): Promise<Record<string, string>> {
  // @fastify/multipart's own parser only flags the request; this one replaces it in this scope.
  req.isMultipart = () => true;
  const parts = req
    .parts({
      // the raw name, directories included: cleanFileName decides (a climbing name is refused, not trimmed)
      preservePath: true,
      limits: { fileSize: dceLimits.maxFileBytes + 1, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
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

/**
 * Whatever happened (CSRF refused, bad field, file refused mid-way), the rest of the upload is
 * read and dropped, so the browser finishes sending and then reads our answer on the same
 * connection instead of seeing it reset.
 */
function drainUpload(req: FastifyRequest): void {
  const part = pendingFiles.get(req);
  if (part && !part.file.destroyed && !part.file.readableEnded) part.file.resume();
  req.raw.resume();
}

function editorOf(req: FastifyRequest): DocumentsEditor {
  return { principal: requireSession(req), ip: req.ip };
}

/** RFC 6266 / 5987: an ASCII fallback for old clients and the exact UTF-8 name for the others. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A tender anyone may read: published or later. A draft is a 404 here, even for its buyer. */
async function publicTender(rt: Runtime, req: FastifyRequest, reference: string): Promise<TenderHead> {
  const head = await tenderHeadByReference(rt.db, reference);
  if (!head || head.status === 'draft' || !canReadTender(req.principal, head)) throw notFound();
  return head;
}

async function sendDocument(rt: Runtime, reply: FastifyReply, document: DocumentRow, head: boolean) {
  reply
    .header('content-type', document.contentType)
    .header('content-disposition', contentDisposition(document.fileName))
    .header('content-length', String(document.sizeBytes))
    .header('etag', `"${document.sha256}"`)
    .header('cache-control', 'private, no-cache');
  if (head) return reply.send();
  return reply.send(await rt.blobs.get(document.storageKey));
}

export async function documentsRoutes(app: FastifyInstance, rt: Runtime): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart);
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', fieldsBeforeFile);
    scope.addHook('onSend', async (req) => {
      if (pendingFiles.has(req)) drainUpload(req);
    });

    const showPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      tender: TenderHead,
      extra: { errors?: FieldError[]; values?: { type?: string }; notice?: string; status?: number } = {},
    ) => {
      const documents = await currentAndStagedDocuments(rt.db, tender.id, tender.dceVersion);
      return sendPage(
        reply,
        <DocumentsPage
          ctx={pageContext(req)}
          tender={tender}
          documents={documents}
          maxFileBytes={dceLimits.maxFileBytes}
          errors={extra.errors}
          values={extra.values}
          notice={extra.notice}
        />,
        extra.status,
      );
    };

    scope.get('/mon-espace/consultations/:reference/documents', hidden, async (req, reply) => {
      const { reference } = req.params as { reference: string };
      const tender = await managedTender(rt, editorOf(req), reference);
      const query = req.query as Record<string, unknown>;
      let notice: string | undefined;
      if (typeof query.depose === 'string') {
        const document = await findDocument(rt.db, tender.id, query.depose);
        if (document) {
          notice = req.t(
            document.addedInVersion > tender.dceVersion ? 'documents.upload.staged' : 'documents.upload.done',
            {
              name: document.fileName,
            },
          );
        }
      } else if (typeof query.retire === 'string') {
        notice = req.t(query.attente === '1' ? 'documents.remove.staged' : 'documents.remove.done', {
          name: query.retire.slice(0, 255),
        });
      }
      return showPage(req, reply, tender, { notice });
    });

    scope.post('/mon-espace/consultations/:reference/documents', hidden, async (req, reply) => {
      const { reference } = req.params as { reference: string };
      const editor = editorOf(req);
      const tender = await managedTender(rt, editor, reference);
      const part = pendingFiles.get(req);
      const form = parseForm(uploadFields, req.body);
      const values = { type: (req.body as Record<string, string> | undefined)?.type };
      if (!form.ok || !part || part.filename === undefined) {
        drainUpload(req);
        const errors = form.ok ? [] : form.errors;
        if (!part) errors.push({ field: 'file', message: 'documents.error.file_required' });
        return showPage(req, reply, tender, { errors, values, status: 400 });
      }
      if (part.filename === '') {
        // a form sent without choosing a file still has an empty file part
        drainUpload(req);
        return showPage(req, reply, tender, {
          errors: [{ field: 'file', message: 'documents.error.file_required' }],
          values,
          status: 400,
        });
      }
      try {
        const uploaded = await uploadDocument(rt, editor, tender, {
          fileName: part.filename,
          documentType: form.data.type as (typeof documentTypes)[number],
          content: part.file,
        });
        return seeOther(
          reply,
          `/mon-espace/consultations/${encodeURIComponent(tender.reference)}/documents?depose=${uploaded.documentId}`,
        );
      } catch (error) {
        drainUpload(req);
        if (!(error instanceof AppError) || error.code === 'not_found') throw error;
        const errors = error.fields.length
          ? error.fields
          : [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }];
        return showPage(req, reply, tender, { errors, values, status: error.status });
      }
    });

    scope.post('/mon-espace/consultations/:reference/documents/:documentId/retirer', hidden, async (req, reply) => {
      const { reference, documentId } = req.params as { reference: string; documentId: string };
      const editor = editorOf(req);
      const tender = await managedTender(rt, editor, reference);
      try {
        const removed = await removeDocument(rt, editor, tender, documentId);
        const query = new URLSearchParams({ retire: removed.fileName, ...(removed.staged ? { attente: '1' } : {}) });
        return seeOther(reply, `/mon-espace/consultations/${encodeURIComponent(tender.reference)}/documents?${query}`);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'not_found') throw error;
        return showPage(req, reply, tender, {
          errors: [{ field: '_form', message: error.messageKey ?? `error.${error.code}` }],
          status: error.status,
        });
      }
    });

    // The buyer checks what was uploaded, drafts and staged documents included; not a retrieval.
    scope.get('/mon-espace/consultations/:reference/documents/:documentId', hidden, async (req, reply) => {
      const { reference, documentId } = req.params as { reference: string; documentId: string };
      const tender = await managedTender(rt, editorOf(req), reference);
      const document = await findDocument(rt.db, tender.id, documentId);
      if (!document) throw notFound();
      return sendDocument(rt, reply, document, req.method === 'HEAD');
    });

    scope.get('/consultations/:reference/documents/:documentId', hidden, async (req, reply) => {
      const { reference, documentId } = req.params as { reference: string; documentId: string };
      const tender = await publicTender(rt, req, reference);
      const document = await findDocument(rt.db, tender.id, documentId);
      if (!document || !inVersion(document, tender.dceVersion)) throw notFound();
      if (req.headers['if-none-match'] === `"${document.sha256}"`) {
        return reply.status(304).header('etag', `"${document.sha256}"`).send();
      }
      // HEAD (Fastify answers it with this handler) reads sizes, it does not retrieve anything.
      if (req.method !== 'HEAD') {
        await recordRetrieval(rt, req.principal, {
          tenderId: tender.id,
          dceVersion: tender.dceVersion,
          documentId: document.id,
        });
      }
      return sendDocument(rt, reply, document, req.method === 'HEAD');
    });

    scope.get('/consultations/:reference/dce.zip', hidden, async (req, reply) => {
      const { reference } = req.params as { reference: string };
      const tender = await publicTender(rt, req, reference);
      const documents = await currentDocuments(rt.db, tender.id, tender.dceVersion);
      if (documents.length === 0) throw notFound();
      const entries = dceZipEntries(rt.blobs, tender, documents);
      reply
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(`${dceFolderName(tender.reference, tender.dceVersion)}.zip`))
        .header('content-length', String(zipLength(entries)))
        .header('cache-control', 'private, no-cache');
      if (req.method === 'HEAD') return reply.send();
      await recordRetrieval(rt, req.principal, {
        tenderId: tender.id,
        dceVersion: tender.dceVersion,
        documentId: null,
      });
      // Built while it is sent: one file open at a time, backpressure from the client paces the disk.
      return reply.send(Readable.from(zipStream(entries), { objectMode: false }));
    });
  });
}
