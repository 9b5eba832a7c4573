/**
 * The deadline rush: COMPANIES companies (default 300) each submit a SIZE_MB offer (default 10)
 * plus a small candidature, their starts spread over the last WINDOW_S seconds (default 60),
 * through the real HTTP routes of one server process. Then the bids are opened (2 of 3 holders)
 * and every opened file is decrypted and its SHA-256 compared with what the company sent.
 * Prints one JSON line: receipts issued, bids lost or corrupt, p50/p99 receipt latency (the
 * sealing request) and of the whole submission, peak RSS.
 * Run on the PostgreSQL server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/submissions-rush.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SignedReceipt } from '../src/modules/submissions/domain/receipt.js';
import { giveShare } from '../src/modules/submissions/giveShare.js';
import { openSubmissions } from '../src/modules/submissions/openSubmissions.js';
import { agentPrincipal } from '../test/support/submissions.js';
import { round } from './dce-support.js';
import {
  type CompanySession,
  companySession,
  multipartBody,
  percentile,
  startSubmissionPlatform,
} from './submissions-support.js';

const companies = Number(process.env.COMPANIES ?? 300);
const sizeBytes = Math.round(Number(process.env.SIZE_MB ?? 10) * 1e6);
const windowSeconds = Number(process.env.WINDOW_S ?? 60);

const platform = await startSubmissionPlatform({ maxFileBytes: sizeBytes + 1_000_000 });
try {
  const { base, tender } = platform;
  const sessions: CompanySession[] = [];
  for (let i = 0; i < companies; i++) sessions.push(await companySession(platform.rt, base));
  const shared = randomBytes(sizeBytes);
  // one Blob of the shared bytes: each company's body slices it (no copy of 10 MB per company)
  const sharedBlob = new Blob([shared]);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);

  const sealLatencies: number[] = [];
  const totalLatencies: number[] = [];
  const sent = new Map<string, string>();
  const failures: string[] = [];
  const receipts: SignedReceipt[] = [];

  const one = async (i: number) => {
    const session = sessions[i] as (typeof sessions)[number];
    await new Promise((r) => setTimeout(r, (i / companies) * windowSeconds * 1000));
    const started = performance.now();
    const depot = `/consultations/${tender.reference}/depot`;
    const csrf = await session.csrfOf(depot);
    const post = async (url: string, body: BodyInit, type: string) => {
      const res = await fetch(base + url, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: session.header(), 'content-type': type },
        body,
      });
      session.keep(res);
      await res.arrayBuffer();
      return res;
    };
    const form = 'application/x-www-form-urlencoded';
    if (
      (await post(`${depot}/details`, new URLSearchParams({ _csrf: csrf, lots: '1' }).toString(), form)).status !== 303
    )
      throw new Error('details');
    const cand = multipartBody(csrf, 'candidature', 'DUME.pdf', [Buffer.from(`candidature ${i}`)]);
    if ((await post(`${depot}/fichiers`, cand.body, cand.type)).status !== 303) throw new Error('candidature');
    // unique content per company: a prefix in front of the shared random bytes
    const prefix = Buffer.from(`offre de l'entreprise ${i} `);
    const offerBody = multipartBody(csrf, 'offer:1', `offre-${i}.pdf`, [prefix, sharedBlob.slice(prefix.length)]);
    const up = await post(`${depot}/fichiers`, offerBody.body, offerBody.type);
    if (up.status !== 303) throw new Error(`offer ${up.status}`);
    const sealStart = performance.now();
    const sealed = await post(`${depot}/sceller`, new URLSearchParams({ _csrf: csrf }).toString(), form);
    const sealEnd = performance.now();
    if (sealed.status !== 303) throw new Error(`seal ${sealed.status}`);
    sealLatencies.push(sealEnd - sealStart);
    totalLatencies.push(sealEnd - started);
    const id = /depots\/([0-9a-f-]{36})/.exec(sealed.headers.get('location') ?? '')?.[1];
    const json = await fetch(`${base}/mon-espace/depots/${id}/accuse.json`, { headers: { cookie: session.header() } });
    const receipt = (await json.json()) as SignedReceipt;
    receipts.push(receipt);
    sent.set(
      receipt.body.submissionId,
      createHash('sha256').update(prefix).update(shared.subarray(prefix.length)).digest('hex'),
    );
  };

  const rushStart = performance.now();
  await Promise.all(sessions.map((_, i) => one(i).catch((e: Error) => failures.push(e.message))));
  const rushSeconds = (performance.now() - rushStart) / 1000;

  // opening: past the deadline, two holders, then compare every opened offer with what was sent
  await platform.rt.db
    .updateTable('tenders')
    .set({ submission_deadline: new Date(Date.now() - 1000) })
    .where('id', '=', tender.id)
    .execute();
  for (const h of platform.committee.holders.slice(0, 2)) {
    await giveShare(platform.rt, agentPrincipal(h, platform.buyerId), {
      reference: tender.reference,
      passphrase: h.passphrase,
    });
  }
  const openStart = performance.now();
  const first = platform.committee.holders[0] as (typeof platform.committee.holders)[number];
  const report = await openSubmissions(platform.rt, agentPrincipal(first, platform.buyerId), {
    reference: tender.reference,
  });
  const openSeconds = (performance.now() - openStart) / 1000;
  clearInterval(sampler);

  let corrupt = 0;
  for (const s of report.submissions) {
    const offer = s.files.find((f) => f.kind === 'offer');
    if (offer?.intact !== true || offer.sha256 !== sent.get(s.submissionId) || s.files.some((f) => f.intact !== true))
      corrupt++;
  }
  const lost = companies - report.submissions.length;
  const sortedSeal = [...sealLatencies].sort((a, b) => a - b);
  const sortedTotal = [...totalLatencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'submissions-rush',
      engine: platform.engine,
      companies,
      offerMB: sizeBytes / 1e6,
      windowSeconds,
      rushSeconds: round(rushSeconds, 1),
      receiptsIssued: receipts.length,
      failures: failures.length,
      failureSample: failures.slice(0, 3),
      lostAfterOpening: lost,
      corruptAfterOpening: corrupt,
      sealLatencyMs: { p50: round(percentile(sortedSeal, 50)), p99: round(percentile(sortedSeal, 99)) },
      submissionLatencyMs: { p50: round(percentile(sortedTotal, 50)), p99: round(percentile(sortedTotal, 99)) },
      openingSeconds: round(openSeconds, 1),
      peakRssMB: Math.round(peakRss / 1e6),
      node: process.version,
    }),
  );
} finally {
  await platform.stop();
}
