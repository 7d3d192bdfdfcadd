// Builds the extension into a folder, optionally pointed at the replay server (LL_VENUE_ORIGIN).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function buildExtension(outDir: string, venueOrigin: string): void {
  const vite = join(process.cwd(), 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--outDir', outDir, '--logLevel', 'warn'], {
    env: { ...process.env, LL_VENUE_ORIGIN: venueOrigin },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`extension build failed (exit ${result.status})`);
}
