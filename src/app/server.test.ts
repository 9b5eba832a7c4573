import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../test/support/browser.js';
import { createTestRuntime } from '../../test/support/runtime.js';
import type { Runtime } from '../platform/runtime.js';
import { buildServer } from './server.js';

let rt: Runtime;
let app: FastifyInstance;

beforeAll(async () => {
  rt = await createTestRuntime();
  app = await buildServer(rt);
  // a route that fails, to see what a visitor gets from an unexpected error
  app.get('/test-boom', async () => {
    throw new Error('secret internal detail at /srv/halle/src/x.ts:12');
  });
});
afterAll(async () => {
  await app.close();
  await rt.close();
});

describe('site shell', () => {
  it('serves a French, accessible home page with security headers and no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="fr">/);
    expect(res.body).toContain('<a class="skip-link" href="#contenu">Aller au contenu</a>');
    expect(res.body).toContain('<main id="contenu"');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown pages with a French 404 page, and unknown API routes with problem+json', async () => {
    const page = await app.inject({ method: 'GET', url: '/nexiste-pas' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page introuvable');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('hides internal errors: a French 500 page with an incident reference, no stack trace', async () => {
    const res = await app.inject({ method: 'GET', url: '/test-boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Une erreur est survenue de notre côté');
    expect(res.body).toContain('Référence de l’incident');
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('.ts:');
  });

  it('refuses an oversized form body with 413 and a French message', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/connexion');
    const res = await browser.post(
      '/connexion',
      { email: 'a@b.fr', password: 'x'.repeat(300 * 1024) },
      { csrf: browser.csrf() },
    );
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('trop volumineuses');
  });

  it('switches to English and back through a CSRF-protected form', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/mentions-legales');
    const res = await browser.post('/langue', { locale: 'en', back: '/mentions-legales' }, { csrf: browser.csrf() });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mentions-legales');
    const english = await browser.get('/mentions-legales');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Legal notice');
    const open = await browser.post('/langue', { locale: 'fr', back: '//evil.example' }, { csrf: browser.csrf() });
    expect(open.headers.location).toBe('/mon-espace');
  });

  it('reports health and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('serves the legal, accessibility and privacy pages in French', async () => {
    for (const [url, title] of [
      ['/mentions-legales', 'Mentions légales'],
      ['/accessibilite', "Déclaration d'accessibilité"],
      ['/donnees-personnelles', 'Données personnelles'],
      ['/conditions-utilisation', "Conditions générales d'utilisation"],
    ] as const) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<h1>${title}</h1>`);
    }
  });
});
