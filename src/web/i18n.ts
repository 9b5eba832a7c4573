import { alertsMessages } from '../modules/alerts/messages.js';
import { apiTokensMessages } from '../modules/api-tokens/messages.js';
import { backofficeMessages } from '../modules/backoffice/messages.js';
import { registryMessages } from '../modules/company-registry/messages.js';
import { contractsMessages } from '../modules/contracts/messages.js';
import { directoryMessages } from '../modules/directory/messages.js';
import { dumeMessages } from '../modules/dume/messages.js';
import { evaluationMessages } from '../modules/evaluation/messages.js';
import { identityMessages } from '../modules/identity/messages.js';
import { installationMessages } from '../modules/installation/messages.js';
import { intentionsMessages } from '../modules/intentions/messages.js';
import { messagingMessages } from '../modules/messaging/messages.js';
import { organisationsMessages } from '../modules/organisations/messages.js';
import { partneringMessages } from '../modules/partnering/messages.js';
import { searchMessages } from '../modules/search/messages.js';
import { submissionsMessages } from '../modules/submissions/messages.js';
import { tendersMessages } from '../modules/tenders/messages.js';
import { vaultMessages } from '../modules/vault/messages.js';
import { watchlistMessages } from '../modules/watchlist/messages.js';
import { createTranslator, type Locale, type Translate } from '../platform/i18n/translator.js';
import { webMessages } from './messages.js';

/**
 * The catalogue of every string shown by the platform, one file per module, merged here.
 * Each entry holds French and English side by side.
 */
export const catalogue = {
  ...webMessages,
  ...identityMessages,
  ...organisationsMessages,
  ...apiTokensMessages,
  ...backofficeMessages,
  ...installationMessages,
  ...tendersMessages,
  ...searchMessages,
  ...watchlistMessages,
  ...submissionsMessages,
  ...registryMessages,
  ...vaultMessages,
  ...directoryMessages,
  ...partneringMessages,
  ...intentionsMessages,
  ...dumeMessages,
  ...messagingMessages,
  ...contractsMessages,
  ...alertsMessages,
  ...evaluationMessages,
};

export type MessageKey = keyof typeof catalogue;
export type T = Translate<MessageKey>;

const translators = new Map<Locale, T>();

export function translatorFor(locale: Locale): T {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(catalogue, locale);
    translators.set(locale, t);
  }
  return t;
}
