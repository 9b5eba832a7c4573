/**
 * Streams a 1 GiB file through the real HTTP upload route (multipart, CSRF, sign-in) into the
 * blob store, and compares with `cp` + `sync` of the same file. Prints one JSON line.
 * Run: npx tsx bench/dce-upload.ts   (SIZE_MB=256 for a quicker run)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createTender } from '../test/support/tenders.js';
import { generateFile, round, Session, startPlatform, withRssPeak } from './dce-support.js';

const sizeBytes = Number(process.env.SIZE_MB ?? 1024) * 1024 * 1024;

const platform = await startPlatform();
try {
  const source = path.join(platform.dir, 'source.pdf');
  await generateFile(source, sizeBytes);

  // Baseline: what the disk does with a plain copy made durable.
  const copy = path.join(platform.dir, 'copy.pdf');
  const cpStart = performance.now();
  execFileSync('cp', [source, copy]);
  execFileSync('sync');
  const cpSeconds = (performance.now() - cpStart) / 1000;
  fs.rmSync(copy);
  execFileSync('sync');

  const tender = await createTender(platform.rt, { buyerId: platform.buyerId });
  const session = new Session(platform.base);
  await session.signIn(platform.agent.email, platform.agent.password);
  const url = `/mon-espace/consultations/${tender.reference}/documents`;
  const csrf = await session.csrfOf(url);

  const boundary = `----halle${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nplans\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plans-1-Gio.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);

  const upload = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${platform.base}${url}`, {
        method: 'POST',
        headers: {
          cookie: session.header(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + sizeBytes + tail.length,
        },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(head);
      const stream = fs.createReadStream(source, { highWaterMark: 1024 * 1024 });
      stream.on('data', (chunk) => {
        if (!req.write(chunk)) stream.pause();
      });
      req.on('drain', () => stream.resume());
      stream.on('end', () => req.end(tail));
      stream.on('error', reject);
    });

  const start = performance.now();
  const { result: status, peakGrowthMb } = await withRssPeak(upload);
  const seconds = (performance.now() - start) / 1000;
  if (status !== 303) throw new Error(`upload answered ${status}`);
  const row = await platform.rt.db
    .selectFrom('tender_documents')
    .select(['size_bytes'])
    .where('tender_id', '=', tender.id)
    .executeTakeFirstOrThrow();
  if (Number(row.size_bytes) !== sizeBytes) throw new Error('stored size differs');

  const mb = sizeBytes / 1e6;
  console.log(
    JSON.stringify({
      bench: 'dce-upload',
      sizeMiB: sizeBytes / 1024 / 1024,
      seconds: round(seconds, 2),
      throughputMBps: round(mb / seconds),
      rssGrowthMB: peakGrowthMb,
      cpSyncSeconds: round(cpSeconds, 2),
      cpSyncThroughputMBps: round(mb / cpSeconds),
      ratioToCpSync: round(cpSeconds / seconds, 2),
      node: process.version,
    }),
  );
} finally {
  await platform.stop();
}
