import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../src/background/write-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A change that takes a turn between its start and its end, logging both. */
const logged = (log: string[], name: string) => async () => {
  log.push(`${name} start`);
  await tick();
  log.push(`${name} end`);
  return name;
};

describe('the write queue', () => {
  it('runs the changes of one key one after another, in the order asked', async () => {
    const serialize = createWriteQueue();
    const log: string[] = [];
    const answers = await Promise.all([
      serialize('k', logged(log, 'a')),
      serialize('k', logged(log, 'b')),
    ]);
    expect(answers).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('lets two keys run side by side', async () => {
    const serialize = createWriteQueue();
    const log: string[] = [];
    await Promise.all([serialize('a', logged(log, 'a')), serialize('b', logged(log, 'b'))]);
    expect(log.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('a failed change rejects for its caller only; the next one still runs', async () => {
    const serialize = createWriteQueue();
    const failed = serialize('k', async () => {
      throw new Error('quota');
    });
    const next = serialize('k', async () => 'saved');
    await expect(failed).rejects.toThrow('quota');
    expect(await next).toBe('saved');
  });
});
