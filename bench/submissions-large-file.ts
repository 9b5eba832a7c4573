/**
 * One large offer (SIZE_MB, default 1024 = 1 GiB) through the real deposit route: streamed,
 * encrypted in AES-256-GCM chunks, hashed twice and fsynced; compared with `cp` + `sync` of the
 * same file; RSS growth sampled during the upload. Prints one JSON line.
 * Run: npx tsx bench/submissions-large-file.ts   (SIZE_MB=256 for a quicker run)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { generateFile, round, withRssPeak } from './dce-support.js';
import { companySession, startSubmissionPlatform } from './submissions-support.js';

const sizeBytes = Number(process.env.SIZE_MB ?? 1024) * 1024 * 1024;

const platform = await startSubmissionPlatform({ maxFileBytes: sizeBytes + 1 });
try {
  const source = path.join(platform.dir, 'offre.pdf');
  await generateFile(source, sizeBytes);

  const copy = path.join(platform.dir, 'copy.pdf');
  const cpStart = performance.now();
  execFileSync('cp', [source, copy]);
  execFileSync('sync');
  const cpSeconds = (performance.now() - cpStart) / 1000;
  fs.rmSync(copy);
  execFileSync('sync');

  const session = await companySession(platform.rt, platform.base);
  const depot = `/consultations/${platform.tender.reference}/depot`;
  const csrf = await session.csrfOf(depot);
  const boundary = '----hallebenchboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\noffer:1\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offre-1-Gio.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const upload = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${platform.base}${depot}/fichiers`, {
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
    .selectFrom('submission_files')
    .select(['size_bytes', 'cipher_size_bytes'])
    .executeTakeFirstOrThrow();
  if (Number(row.size_bytes) !== sizeBytes) throw new Error('stored size differs');
  const mb = sizeBytes / 1e6;
  console.log(
    JSON.stringify({
      bench: 'submissions-large-file',
      engine: platform.engine,
      sizeMiB: sizeBytes / 1024 / 1024,
      seconds: round(seconds, 2),
      throughputMBps: round(mb / seconds),
      cipherOverheadBytes: Number(row.cipher_size_bytes) - sizeBytes,
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
