// Runs one of our TypeScript scripts after making sure the dependencies are installed (and, when
// asked, Chromium): the entry point for `npm run demo`, `bench` and `mentions`.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureDependencies } from './ensure-deps.mjs';

const [script, ...args] = process.argv.slice(2);
const needsChromium = args[0] === '--with-chromium';
const scriptArgs = needsChromium ? args.slice(1) : args;

ensureDependencies();
if (needsChromium) process.env.LL_CHROMIUM = ensureChromium();
const result = spawnSync('node_modules/.bin/tsx', [script, ...scriptArgs], { stdio: 'inherit' });
process.exit(result.status ?? 1);
