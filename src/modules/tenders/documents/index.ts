/** What the other capabilities of the tenders module use from documents (notice page, corrigenda). */
export { dceZipSize } from './dceZip.js';
export { formatSize } from './format.js';
export { currentDocuments, type DocumentRow, stagedDocumentChanges } from './repo.js';
export { addDocumentToNextVersion, removeDocumentFromNextVersion, versionForChanges } from './staging.js';
export { DocumentsSection } from './views/DocumentsSection.js';
