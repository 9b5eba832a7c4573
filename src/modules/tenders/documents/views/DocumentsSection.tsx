import type { PageContext } from '../../../../web/context.js';
import { dceZipSize } from '../dceZip.js';
import { formatSize } from '../format.js';
import type { DocumentRow } from '../repo.js';

/**
 * The DCE on the public notice page: every file with its type and size before download, and the
 * whole file as one ZIP. `documents` comes from `currentDocuments(db, tender.id, tender.dceVersion)`.
 */
export function DocumentsSection({
  ctx,
  tender,
  documents,
}: {
  ctx: PageContext;
  tender: { reference: string; dceVersion: number };
  documents: DocumentRow[];
}) {
  const { t, locale } = ctx;
  const base = `/consultations/${encodeURIComponent(tender.reference)}`;
  return (
    <section aria-labelledby="dce-titre">
      <h2 id="dce-titre">{t('documents.section.title')}</h2>
      {documents.length === 0 ? (
        <p>{t('documents.section.none')}</p>
      ) : (
        <>
          <p>
            <a href={`${base}/dce.zip`} class="button" download>
              {t('documents.section.zip', { size: formatSize(dceZipSize(tender, documents), t, locale) })}
            </a>
          </p>
          <div class="table-scroll">
            <table>
              <caption>{t('documents.section.caption', { version: tender.dceVersion })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.list.type')}</th>
                  <th scope="col">{t('documents.list.name')}</th>
                  <th scope="col">{t('documents.list.size')}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => {
                  const size = formatSize(d.sizeBytes, t, locale);
                  return (
                    <tr key={d.id}>
                      <td>{t(`documents.type.${d.documentType}`)}</td>
                      <th scope="row">
                        <a
                          href={`${base}/documents/${d.id}`}
                          download
                          aria-label={t('documents.section.download_label', { name: d.fileName, size })}
                        >
                          {d.fileName}
                        </a>
                      </th>
                      <td>{size}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p class="muted">{t('documents.section.free_access')}</p>
        </>
      )}
    </section>
  );
}
