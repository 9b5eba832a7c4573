#!/usr/bin/env node
// The `halle` command. TypeScript sources run through tsx: no build step between
// `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv.slice(2));
