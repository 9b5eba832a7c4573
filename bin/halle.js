#!/usr/bin/env node
// The `halle` command. TypeScript sources run through tsx: no build step between
// `npm install` and `npm start`. The project's own tsconfig is named explicitly so that the
// command works from any directory (`npx halle`, a service manager, another working dir).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
