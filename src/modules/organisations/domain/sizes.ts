import type { CompanySize } from '../../../platform/db/schema.js';

/** Company size categories of the LME law (décret 2008-1354), from the smallest. */
export const companySizes: readonly CompanySize[] = ['TPE', 'PME', 'ETI', 'GE'];
