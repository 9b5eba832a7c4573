import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/app/server.js';
import { parseConfig } from '../src/platform/config.js';
import { openRuntime, type Runtime } from '../src/platform/runtime.js';
import { createOrganisation, createUser } from '../test/support/factories.js';

/** A platform on a temporary data directory (embedded database in memory), listening on a free port. */
export async function startPlatform(): Promise<{
  rt: Runtime;
  app: FastifyInstance;
  base: string;
  dir: string;
  buyerId: string;
  agent: { email: string; password: string };
  stop(): Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-bench-'));
  const rt = await openRuntime(parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HALLE_DATA_DIR: dir }), {
    inMemory: true,
  });
  const app = await buildServer(rt);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const buyer = await createOrganisation(rt, { kind: 'buyer', name: 'Ville de Bench' });
  const agent = await createUser(rt, { memberships: [{ organisationId: buyer.id, role: 'buyer_agent' }] });
  return {
    rt,
    app,
    base: `http://127.0.0.1:${address.port}`,
    dir,
    buyerId: buyer.id,
    agent,
    async stop() {
      await app.close();
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cookie jar just big enough for sign-in and CSRF over real HTTP. */
export class Session {
  private readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k && v !== undefined) this.cookies.set(k.trim(), v.trim());
    }
  }

  async csrfOf(pathname: string): Promise<string> {
    const res = await fetch(this.base + pathname, { headers: { cookie: this.header() } });
    this.keep(res);
    const token = (await res.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pathname} (${res.status})`);
    return token;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.csrfOf('/connexion');
    const res = await fetch(`${this.base}/connexion`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    });
    this.keep(res);
    if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  }
}

/** Samples the resident set size while `work` runs; returns the peak growth over the baseline. */
export async function withRssPeak<T>(work: () => Promise<T>): Promise<{ result: T; peakGrowthMb: number }> {
  globalThis.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakGrowthMb: Math.round(((peak - baseline) / 1e6) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}

/** Writes `bytes` of incompressible data to a file, 1 MiB at a time (the same random MiB repeated). */
export async function generateFile(file: string, bytes: number): Promise<void> {
  const { randomBytes } = await import('node:crypto');
  const chunk = randomBytes(1024 * 1024);
  const handle = await fs.promises.open(file, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      await handle.write(chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
