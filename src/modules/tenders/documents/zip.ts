import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * A ZIP writer that streams STORED entries (no compression: DCE files are PDFs and office files,
 * already compressed) straight to the response: nothing is buffered but one header at a time and
 * no temporary file is written. The CRC-32 is only known once an entry has passed, so each entry
 * is followed by a data descriptor (general purpose bit 3). Sizes are known in advance, which
 * makes the whole archive's length computable before the first byte (`zipLength`), so the
 * download has a Content-Length and browsers show progress. ZIP64 records are written for any
 * entry, offset or count past the 32-bit limits (DCE with plans can exceed 4 GiB).
 */
export interface ZipEntry {
  /** path inside the archive, UTF-8 (bit 11) */
  name: string;
  sizeBytes: number;
  modifiedAt: Date;
  /** opened only when the entry's turn comes, so one file is open at a time */
  open(): Promise<Readable>;
}

export interface ZipOptions {
  /** for tests: use ZIP64 records from this size or offset on (default: the 32-bit limit) */
  zip64Threshold?: number;
}

const LIMIT32 = 0xffffffff;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
/** bit 3: sizes and CRC in a data descriptor; bit 11: names are UTF-8 */
const FLAGS = 0x0008 | 0x0800;

class WrongSize extends Error {}

interface Plan {
  entry: ZipEntry;
  name: Buffer;
  offset: number;
  zip64: boolean;
}

function localHeaderLength(name: Buffer, zip64: boolean): number {
  return 30 + name.length + (zip64 ? 20 : 0);
}

function descriptorLength(zip64: boolean): number {
  return zip64 ? 24 : 16;
}

function centralExtraLength(plan: Plan, threshold: number): number {
  let n = 0;
  if (plan.zip64) n += 16; // both sizes
  if (plan.offset >= threshold) n += 8;
  return n === 0 ? 0 : n + 4;
}

function layout(entries: ZipEntry[], threshold: number) {
  const plans: Plan[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const zip64 = entry.sizeBytes >= threshold;
    plans.push({ entry, name, offset, zip64 });
    offset += localHeaderLength(name, zip64) + entry.sizeBytes + descriptorLength(zip64);
  }
  const centralOffset = offset;
  let centralSize = 0;
  for (const plan of plans) centralSize += 46 + plan.name.length + centralExtraLength(plan, threshold);
  const end64 = plans.length >= 0xffff || centralOffset >= threshold || centralSize >= threshold;
  const total = centralOffset + centralSize + (end64 ? 56 + 20 : 0) + 22;
  return { plans, centralOffset, centralSize, end64, total };
}

/** The exact length of the archive `zipStream` writes for these entries. */
export function zipLength(entries: ZipEntry[], options: ZipOptions = {}): number {
  return layout(entries, options.zip64Threshold ?? LIMIT32).total;
}

/** MS-DOS date and time, in Paris wall-clock time (what people's unzip tools show). */
function dosDateTime(date: Date): { time: number; date: number } {
  const parts: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = Math.max(1980, Math.min(2107, parts.year ?? 1980));
  return {
    time: ((parts.hour ?? 0) << 11) | ((parts.minute ?? 0) << 5) | Math.floor((parts.second ?? 0) / 2),
    date: ((year - 1980) << 9) | ((parts.month ?? 1) << 5) | (parts.day ?? 1),
  };
}

function localHeader(plan: Plan): Buffer {
  const { time, date } = dosDateTime(plan.entry.modifiedAt);
  const extra = plan.zip64 ? 20 : 0;
  const b = Buffer.alloc(30 + plan.name.length + extra);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(plan.zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // CRC and sizes come in the data descriptor (bit 3): zero here, or the ZIP64 marker
  b.writeUInt32LE(0, 14);
  b.writeUInt32LE(plan.zip64 ? LIMIT32 : 0, 18);
  b.writeUInt32LE(plan.zip64 ? LIMIT32 : 0, 22);
  b.writeUInt16LE(plan.name.length, 26);
  b.writeUInt16LE(extra, 28);
  plan.name.copy(b, 30);
  if (plan.zip64) {
    const at = 30 + plan.name.length;
    b.writeUInt16LE(0x0001, at);
    b.writeUInt16LE(16, at + 2);
    // sizes zero in the local header, as bit 3 requires; the descriptor holds the real ones
  }
  return b;
}

function dataDescriptor(plan: Plan, crc: number): Buffer {
  const size = plan.entry.sizeBytes;
  const b = Buffer.alloc(descriptorLength(plan.zip64));
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  if (plan.zip64) {
    b.writeBigUInt64LE(BigInt(size), 8);
    b.writeBigUInt64LE(BigInt(size), 16);
  } else {
    b.writeUInt32LE(size, 8);
    b.writeUInt32LE(size, 12);
  }
  return b;
}

function centralHeader(plan: Plan, crc: number, threshold: number): Buffer {
  const { time, date } = dosDateTime(plan.entry.modifiedAt);
  const extra = centralExtraLength(plan, threshold);
  const offset64 = plan.offset >= threshold;
  const needs64 = plan.zip64 || offset64;
  const b = Buffer.alloc(46 + plan.name.length + extra);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE((3 << 8) | (needs64 ? VERSION_ZIP64 : VERSION_DEFAULT), 4); // made by Unix
  b.writeUInt16LE(needs64 ? VERSION_ZIP64 : VERSION_DEFAULT, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(crc, 16);
  b.writeUInt32LE(plan.zip64 ? LIMIT32 : plan.entry.sizeBytes, 20);
  b.writeUInt32LE(plan.zip64 ? LIMIT32 : plan.entry.sizeBytes, 24);
  b.writeUInt16LE(plan.name.length, 28);
  b.writeUInt16LE(extra, 30);
  b.writeUInt16LE(0, 32); // comment
  b.writeUInt16LE(0, 34); // disk
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
  b.writeUInt32LE(offset64 ? LIMIT32 : plan.offset, 42);
  plan.name.copy(b, 46);
  if (extra > 0) {
    let at = 46 + plan.name.length;
    b.writeUInt16LE(0x0001, at);
    b.writeUInt16LE(extra - 4, at + 2);
    at += 4;
    if (plan.zip64) {
      b.writeBigUInt64LE(BigInt(plan.entry.sizeBytes), at);
      b.writeBigUInt64LE(BigInt(plan.entry.sizeBytes), at + 8);
      at += 16;
    }
    if (offset64) b.writeBigUInt64LE(BigInt(plan.offset), at);
  }
  return b;
}

function endRecords(count: number, centralOffset: number, centralSize: number, end64: boolean): Buffer {
  const parts: Buffer[] = [];
  if (end64) {
    const end64Offset = centralOffset + centralSize;
    const r = Buffer.alloc(56);
    r.writeUInt32LE(0x06064b50, 0);
    r.writeBigUInt64LE(44n, 4);
    r.writeUInt16LE((3 << 8) | VERSION_ZIP64, 12);
    r.writeUInt16LE(VERSION_ZIP64, 14);
    r.writeUInt32LE(0, 16);
    r.writeUInt32LE(0, 20);
    r.writeBigUInt64LE(BigInt(count), 24);
    r.writeBigUInt64LE(BigInt(count), 32);
    r.writeBigUInt64LE(BigInt(centralSize), 40);
    r.writeBigUInt64LE(BigInt(centralOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(end64Offset), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(r, locator);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(end64 ? 0xffff : count, 8);
  e.writeUInt16LE(end64 ? 0xffff : count, 10);
  e.writeUInt32LE(end64 ? LIMIT32 : centralSize, 12);
  e.writeUInt32LE(end64 ? LIMIT32 : centralOffset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}

/**
 * The archive as an async iterable of buffers: pass it to `Readable.from` (which respects
 * backpressure, so a slow client slows the reading of the files, never fills memory).
 * A source shorter or longer than its announced size fails the stream: the Content-Length
 * already sent could not be honoured.
 */
export async function* zipStream(entries: ZipEntry[], options: ZipOptions = {}): AsyncGenerator<Buffer> {
  const threshold = options.zip64Threshold ?? LIMIT32;
  const { plans, centralOffset, centralSize, end64 } = layout(entries, threshold);
  const crcs: number[] = [];
  for (const plan of plans) {
    yield localHeader(plan);
    const source = await plan.entry.open();
    let crc = 0;
    let seen = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > plan.entry.sizeBytes) throw new WrongSize(`${plan.entry.name} is longer than announced`);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } finally {
      source.destroy();
    }
    if (seen !== plan.entry.sizeBytes) throw new WrongSize(`${plan.entry.name} is shorter than announced`);
    crcs.push(crc);
    yield dataDescriptor(plan, crc);
  }
  const central: Buffer[] = plans.map((plan, i) => centralHeader(plan, crcs[i] ?? 0, threshold));
  yield Buffer.concat(central);
  yield endRecords(plans.length, centralOffset, centralSize, end64);
}
