import { describe, expect, it } from 'vitest';
import { createTestRuntime, serverUrl } from '../../test/support/runtime.js';
import { parseConfig } from '../platform/config.js';
import { describeFirstStart, firstStart } from './first-start.js';

describe('config.seedDemo', () => {
  it('is on for the embedded engine only, and never in production', () => {
    expect(parseConfig({}).seedDemo).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgres://localhost/halle' }).seedDemo).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', HALLE_SEED_DEMO: '1' }).seedDemo).toBe(false);
    expect(
      parseConfig({ NODE_ENV: 'production', HALLE_SEED_DEMO: 'true', DATABASE_URL: 'postgres://localhost/h' }).seedDemo,
    ).toBe(false);
    expect(parseConfig({ HALLE_SEED_DEMO: '0' }).seedDemo).toBe(false);
  });
});

describe('firstStart', () => {
  it('loads the demo data into an empty embedded database and prints the demo accounts', async () => {
    // The server engine seeds only when asked explicitly; the embedded one does by default.
    const rt = await createTestRuntime(serverUrl ? { HALLE_SEED_DEMO: '1' } : {});
    try {
      expect(rt.config.seedDemo).toBe(true);
      const result = await firstStart(rt);
      expect(result.kind).toBe('demo');
      const text = describeFirstStart(result) ?? '';
      expect(text).toContain('admin@demo.halle.example');
      expect(text).toContain('acheteur@demo.halle.example');
      expect(text).toContain('entreprise@demo.halle.example');
      expect(text).toContain('Demo-Halle-2026!');
      const audit = await rt.db
        .selectFrom('audit_events')
        .select('actor_type')
        .where('action', '=', 'demo.seeded')
        .execute();
      expect(audit).toEqual([{ actor_type: 'system' }]);
      // running contracts of the demo buyer come with the demo data
      expect(await rt.db.selectFrom('contracts').select('id').where('status', '=', 'notified').execute()).not.toEqual(
        [],
      );
      // The next start finds the data and the demo administrator: nothing to do, nothing printed.
      const next = await firstStart(rt);
      expect(next).toEqual({ kind: 'ready' });
      expect(describeFirstStart(next)).toBeUndefined();
      expect(
        await rt.db.selectFrom('platform_settings').select('key').where('key', '=', 'admin_setup_token').execute(),
      ).toEqual([]);
    } finally {
      await rt.close();
    }
    // a whole data set is loaded: on a busy machine this takes longer than the default limit
  }, 120_000);

  it('without the demo flag, creates no data and issues one setup link', async () => {
    const rt = await createTestRuntime({ HALLE_SEED_DEMO: '0' });
    try {
      const result = await firstStart(rt);
      if (result.kind !== 'setup_link') throw new Error(`expected a setup link, got ${result.kind}`);
      expect(result.url).toMatch(/^http:\/\/localhost:3000\/installation\/[A-Za-z0-9_-]{40,}$/);
      expect(describeFirstStart(result)).toContain(`Create the first administrator: ${result.url}`);
      expect(await rt.db.selectFrom('organisations').select('id').execute()).toEqual([]);
      expect(await rt.db.selectFrom('users').select('id').execute()).toEqual([]);
      const stored = await rt.db
        .selectFrom('platform_settings')
        .select('value')
        .where('key', '=', 'admin_setup_token')
        .executeTakeFirstOrThrow();
      const token = result.url.split('/').pop() as string;
      expect(JSON.stringify(stored.value)).not.toContain(token);

      // A second start (or a second web process) keeps the first link rather than cancelling it.
      const again = await firstStart(rt);
      expect(again.kind).toBe('setup_link_pending');
      const after = await rt.db
        .selectFrom('platform_settings')
        .select('value')
        .where('key', '=', 'admin_setup_token')
        .executeTakeFirstOrThrow();
      expect(after.value).toEqual(stored.value);
      const issued = await rt.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'installation.setup_link.issued')
        .execute();
      expect(issued).toHaveLength(1);
    } finally {
      await rt.close();
    }
  });
});
