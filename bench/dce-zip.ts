/**
 * Serves a 2 GiB DCE (8 files of 256 MiB) as one ZIP through the real HTTP route, reading it
 * as a client would. Reports peak RSS growth and throughput. Prints one JSON line.
 * Run: npx tsx bench/dce-zip.ts   (SIZE_MB=256 for a quicker run)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { uuidv7 } from '../src/platform/ids.js';
import { createTender } from '../test/support/tenders.js';
import { generateFile, round, startPlatform, withRssPeak } from './dce-support.js';

const totalBytes = Number(process.env.SIZE_MB ?? 2048) * 1024 * 1024;
const fileCount = 8;

const platform = await startPlatform();
try {
  const { rt } = platform;
  const tender = await createTender(rt, { buyerId: platform.buyerId, status: 'published' });
  const source = path.join(platform.dir, 'part.bin');
  await generateFile(source, totalBytes / fileCount);
  for (let i = 1; i <= fileCount; i++) {
    const blob = await rt.blobs.put(fs.createReadStream(source));
    const blobId = uuidv7();
    await rt.db
      .insertInto('blobs')
      .values({ id: blobId, storage_key: blob.key, size_bytes: blob.sizeBytes, sha256: blob.sha256 })
      .execute();
    await rt.db
      .insertInto('tender_documents')
      .values({
        id: uuidv7(),
        tender_id: tender.id,
        blob_id: blobId,
        file_name: `Plan ${i}.pdf`,
        document_type: 'plans',
        size_bytes: blob.sizeBytes,
        sha256: blob.sha256,
      })
      .execute();
  }
  fs.rmSync(source);

  const download = () =>
    new Promise<{ status: number; bytes: number; announced: number; sha256: string }>((resolve, reject) => {
      http
        .get(`${platform.base}/consultations/${tender.reference}/dce.zip`, (res) => {
          let bytes = 0;
          // hashing on the client side stands for a real consumer (disk or network) reading every byte
          const hash = createHash('sha256');
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            hash.update(chunk);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              bytes,
              announced: Number(res.headers['content-length']),
              sha256: hash.digest('hex'),
            }),
          );
          res.on('error', reject);
        })
        .on('error', reject);
    });

  const start = performance.now();
  const { result, peakGrowthMb } = await withRssPeak(download);
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 200 || result.bytes !== result.announced) {
    throw new Error(`download: ${result.status}, ${result.bytes} of ${result.announced} bytes`);
  }
  console.log(
    JSON.stringify({
      bench: 'dce-zip',
      files: fileCount,
      contentMiB: totalBytes / 1024 / 1024,
      zipBytes: result.bytes,
      seconds: round(seconds, 2),
      throughputMBps: round(result.bytes / 1e6 / seconds),
      peakRssGrowthMB: peakGrowthMb,
      node: process.version,
    }),
  );
} finally {
  await platform.stop();
}
