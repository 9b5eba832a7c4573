/**
 * Mail delivery at volume: N mails queued in the outbox (as alert matches queue them), delivered by
 * W worker runtimes sharing one database to a local SMTP peer (`smtp-server`), then counted on the
 * peer by Message-ID: none lost, none doubled, and the time taken. Prints one JSON line.
 *
 *   npx tsx bench/alerts-delivery.ts --engine=postgres --mails=10000 --workers=2
 *   npx tsx bench/alerts-delivery.ts --engine=pglite --mails=2000        (one worker: one process)
 */
import { startWorker } from '../src/app/worker.js';
import { parseConfig } from '../src/platform/config.js';
import { queueMail } from '../src/platform/mail/outbox.js';
import { openRuntime, type Runtime } from '../src/platform/runtime.js';
import { SmtpPeer } from '../test/support/smtp-peer.js';
import { databaseUrl, dropDatabase, openBenchRuntime } from './lib/bench-db.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const engine = args.get('engine') === 'pglite' ? 'pglite' : 'postgres';
const mails = Number(args.get('mails') ?? (engine === 'postgres' ? 10_000 : 2_000));
const workers = engine === 'pglite' ? 1 : Number(args.get('workers') ?? 2);
const dbName = engine === 'postgres' ? `halle_bench_${Date.now()}` : undefined;
const log = (m: string) => process.stderr.write(`[delivery-bench ${engine}] ${m}\n`);

async function main(): Promise<void> {
  const peer = await new SmtpPeer().start();
  const smtp = { SMTP_URL: peer.url, LOG_LEVEL: 'warn', HALLE_DATA_DIR: '/tmp/halle-bench-data' };
  const first = await openBenchRuntime(engine, dbName);
  const runtimes: Runtime[] = [];
  try {
    // the bench runtime has no SMTP: the workers get their own runtimes with the peer's address
    for (let w = 0; w < workers; w++) {
      runtimes.push(
        engine === 'postgres' && dbName
          ? await openRuntime(parseConfig({ ...smtp, DATABASE_URL: databaseUrl(dbName), DATABASE_POOL_SIZE: '4' }))
          : first,
      );
    }
    if (engine === 'pglite')
      (first as { mail: Runtime['mail'] }).mail = (
        await import('../src/platform/mail/transport.js')
      ).createMailTransport(peer.url);
    const ids: string[] = [];
    const queueStart = performance.now();
    for (let i = 0; i < mails; i += 500) {
      await first.db.transaction().execute(async (trx) => {
        for (let k = i; k < Math.min(mails, i + 500); k++) {
          ids.push(
            await queueMail(trx, first.jobs, {
              to: `destinataire-${k}@exemple.fr`,
              subject: `Alerte : consultation ${k}`,
              text: `Une consultation correspondant à votre alerte vient d’être publiée (${k}).`,
              html: `<p>Une consultation correspondant à votre alerte vient d’être publiée (${k}).</p>`,
              template: 'bench.delivery',
              headers: { 'List-Unsubscribe': `<https://halle.example/alertes/desabonnement/${k}>` },
            }),
          );
        }
      });
    }
    const queueSeconds = (performance.now() - queueStart) / 1000;
    log(`${mails} mails queued in ${queueSeconds.toFixed(1)} s; ${workers} worker(s) start`);
    const started = performance.now();
    for (const rt of new Set(runtimes)) await startWorker(rt);
    let sent = 0;
    while (sent < mails) {
      await new Promise((r) => setTimeout(r, 500));
      const r = await first.db
        .selectFrom('outbox_mails')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'sent')
        .executeTakeFirst();
      sent = Number(r?.n ?? 0);
      if (performance.now() - started > 30 * 60_000) break;
    }
    const seconds = (performance.now() - started) / 1000;
    // more polling rounds: a late duplicate would show up here
    await new Promise((r) => setTimeout(r, 3000));
    const copies = peer.copiesById();
    const lost = ids.filter((id) => !copies.has(id)).length;
    const doubled = ids.filter((id) => (copies.get(id) ?? 0) > 1).length;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'alerts-delivery',
        engine,
        workers,
        mails,
        queue_seconds: Math.round(queueSeconds * 10) / 10,
        delivery_seconds: Math.round(seconds * 10) / 10,
        mails_per_second: Math.round((mails / seconds) * 10) / 10,
        received_by_peer: peer.received.length,
        lost,
        doubled,
        all_marked_sent: sent === mails,
      })}\n`,
    );
  } finally {
    for (const rt of new Set(runtimes)) if (rt !== first) await rt.close();
    await first.close();
    await peer.stop();
    if (dbName) await dropDatabase(dbName);
  }
}

await main();
