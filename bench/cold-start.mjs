#!/usr/bin/env node
// Cold start of `npm start` on an empty data directory, then a restart on the same one.
// Prints one JSON line: seconds until /readyz answers, for the first and the second start.
// Usage: node bench/cold-start.mjs [port]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.argv[2] ?? 3990);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-cold-'));
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');

// the embedded default: whatever DATABASE_URL the caller has is left out
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const embeddedEnv = { ...inherited, PORT: String(port), HALLE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

async function startOnce() {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/halle.js', 'serve'], {
    cwd: root,
    env: embeddedEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  let readyAt;
  while (performance.now() - started < 120_000) {
    try {
      const res = await fetch(`http://localhost:${port}/readyz`);
      if (res.ok) {
        readyAt = performance.now();
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // the demo data is loaded right after the server listens: wait for the accounts to be printed
  while (!output.includes('Halle is running') && performance.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const doneAt = performance.now();
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return {
    readySeconds: readyAt ? Number(((readyAt - started) / 1000).toFixed(2)) : null,
    announcedSeconds: Number(((doneAt - started) / 1000).toFixed(2)),
    demoAccountsPrinted: /demo/i.test(output),
  };
}

const first = await startOnce();
const second = await startOnce();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: 'cold-start',
    node: process.version,
    cpus: os.cpus().length,
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
    firstStart: first,
    restart: second,
  }),
);
