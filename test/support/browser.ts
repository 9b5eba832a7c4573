import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A minimal browser over `app.inject`: keeps cookies, reads the CSRF token from the last
 * page, posts forms as a real browser would (urlencoded, with the token).
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  lastHtml = '';

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if ((res.headers['content-type'] ?? '').toString().includes('text/html')) this.lastHtml = res.body;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } }));
  }

  /** The CSRF token of the last page fetched. */
  csrf(): string {
    const match = this.lastHtml.match(/name="_csrf" value="([^"]+)"/);
    if (!match?.[1]) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  /** Posts a form; fetches `from` first (default: the action) to get a fresh CSRF token. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { from?: string; csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    if (options.csrf === undefined) await this.get(options.from ?? url);
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf() : options.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) {
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    }
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/connexion', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
    return res;
  }
}

/** What a page answers to a visitor without a valid session: a redirect to sign-in. */
export function isSentToSignIn(res: LightMyRequestResponse): boolean {
  return res.statusCode === 303 && String(res.headers.location).startsWith('/connexion');
}
