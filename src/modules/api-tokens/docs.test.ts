import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime } from '../../../test/support/runtime.js';
import { buildServer } from '../../app/server.js';
import type { Runtime } from '../../platform/runtime.js';
import { catalogue } from '../../web/i18n.js';
import { apiScopes, scopeMessages } from './domain/scopes.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

const operations = [
  ['get', '/api/v1/organisation', 'organisation:read'],
  ['get', '/api/v1/organisations/{id}', 'organisation:read'],
  ['get', '/api/v1/organisation/members', 'members:read'],
  ['get', '/api/v1/audit-events', 'audit:read'],
] as const;

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document with the API paths, their scopes and the bearer scheme', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    for (const [method, path, scope] of operations) {
      const op = doc.paths[path]?.[method];
      expect(op, path).toBeDefined();
      expect(op.security).toEqual([{ bearer: [scope] }]);
      expect(op.summary).toBeTruthy();
      expect(op.responses['401'].content['application/problem+json']).toBeDefined();
    }
    // Every $ref points to a schema of the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas[ref as string], ref).toBeDefined();
    const params = doc.paths['/api/v1/audit-events'].get.parameters.map((p: { name: string }) => p.name);
    expect(params.sort()).toEqual(['action', 'cursor', 'from', 'limit', 'to']);
    // HTML pages and the documentation itself stay out of the document.
    expect(doc.paths['/api/docs']).toBeUndefined();
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    expect(doc.paths['/mon-espace/organisation/api']).toBeUndefined();
  });

  it('renders a French documentation page from the document, without scripts', async () => {
    const res = await app.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Documentation de l’API</h1>');
    expect(html).not.toContain('<script');
    expect(html).toContain('Authorization: Bearer');
    expect(html).toContain('curl -H');
    expect(html).toContain('application/problem+json');
    expect(html).toContain('Journal d’audit');
    for (const [method, path, scope] of operations) {
      expect(html).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
      expect(html).toContain(`<code>${scope}</code>`);
    }
    expect(html).toContain('Lister les membres de l’organisation');
    expect(html).toContain('<caption>Paramètres de GET /api/v1/audit-events</caption>');
    expect(html).toContain('Nombre d’événements par page, de 1 à 200 (50 par défaut).');
    expect(html).toContain('<caption>Réponses de GET /api/v1/organisation/members</caption>');
    expect(html).toContain('Le jeton n’a pas le droit requis : detail le nomme.');
  });

  it('has a description and a refusal message in both languages for every scope', () => {
    for (const scope of apiScopes) {
      for (const key of Object.values(scopeMessages[scope])) {
        const entry = (catalogue as Record<string, { fr: string; en: string }>)[key];
        expect(entry?.fr, key).toBeTruthy();
        expect(entry?.en, key).toBeTruthy();
      }
      const missing = (catalogue as Record<string, { en: string }>)[scopeMessages[scope].missing];
      expect(missing?.en).toContain(scope);
    }
  });
});
