import { type CompanyRegistry, RegistryUnavailable, recordFromSearchAnswer } from './domain/registry.js';

/** Answers above this size are not a company search answer: stop reading. */
const maxAnswerBytes = 1_000_000;

/**
 * The production registry: a service speaking the API of recherche-entreprises.api.gouv.fr,
 * `GET <base>/search?q=<siret>`. A timeout, an HTTP error or a malformed answer all raise
 * `RegistryUnavailable`, which the caller turns into manual entry.
 */
export function httpRegistry(baseUrl: string, timeoutMs: number): CompanyRegistry {
  return {
    source: 'http',
    async lookup(siret) {
      const url = `${baseUrl}/search?q=${encodeURIComponent(siret)}&page=1&per_page=5`;
      let body: unknown;
      try {
        const response = await fetch(url, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new RegistryUnavailable(`registry answered ${response.status}`);
        const raw = await response.text();
        if (raw.length > maxAnswerBytes) throw new RegistryUnavailable('registry answer too large');
        body = JSON.parse(raw);
      } catch (error) {
        if (error instanceof RegistryUnavailable) throw error;
        throw new RegistryUnavailable(error instanceof Error ? error.message : String(error));
      }
      const record = recordFromSearchAnswer(body, siret);
      if (record === 'malformed') throw new RegistryUnavailable('malformed registry answer');
      return record;
    },
  };
}
