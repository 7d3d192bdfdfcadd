// Every file in this folder but this one is a venue module: adding a venue is adding a file.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplayVenue } from '../venue';

export async function loadReplayVenues(): Promise<ReplayVenue[]> {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(folder).filter(
    (file) => /^[a-z]+\.ts$/.test(file) && file !== 'index.ts',
  );
  const modules = await Promise.all(
    files.map((file) => import(new URL(file, import.meta.url).href)),
  );
  return modules.flatMap((module: Record<string, unknown>) =>
    Object.values(module).filter(
      (value): value is ReplayVenue =>
        typeof value === 'object' && value !== null && 'rest' in value && 'sockets' in value,
    ),
  );
}
