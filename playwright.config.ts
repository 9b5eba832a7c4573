import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database for every run: the journeys start from an empty platform.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halle-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: 'node bin/halle.js serve',
    url: `http://localhost:${port}/readyz`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HALLE_DATA_DIR: dataDir,
      HALLE_SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // as served: searches answered by the web process's in-memory index
      SEARCH_MEMORY_INDEX: '1',
    },
  },
});
