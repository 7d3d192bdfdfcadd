// The idle queue runs jobs step by step inside the time the browser gives it: never past the
// idle period, never more than a slice of it, some work even when the page never idles, and
// nothing once its signal has aborted. The browser's idle callbacks and clock are simulated.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleQueue, type Job } from '../../../src/content/idle-queue';

let now = 0;
let callbacks: Array<{ id: number; run: (deadline: IdleDeadline) => void; timeout?: number }> = [];
let nextId = 1;

beforeEach(() => {
  now = 0;
  callbacks = [];
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal(
    'requestIdleCallback',
    (run: (deadline: IdleDeadline) => void, options?: { timeout?: number }) => {
      const id = nextId++;
      callbacks.push({ id, run, ...(options?.timeout ? { timeout: options.timeout } : {}) });
      return id;
    },
  );
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    callbacks = callbacks.filter((callback) => callback.id !== id);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Runs the pending idle callback with an idle period of `idleMs` (0 and timed out: no idle). */
function idle(idleMs: number, didTimeout = false) {
  const callback = callbacks.shift();
  if (!callback) throw new Error('no idle callback pending');
  const end = now + idleMs;
  callback.run({ didTimeout, timeRemaining: () => Math.max(0, end - now) });
}

/** A job of `steps` steps that each take `stepMs` of simulated time. */
function job(steps: number, stepMs: number) {
  const done: number[] = [];
  const work: Job = {
    step() {
      now += stepMs;
      done.push(now);
      return done.length === steps;
    },
  };
  return { work, done };
}

describe('the idle queue', () => {
  it('works only inside the idle period, leaving a margin, and goes on in the next one', () => {
    const queue = createIdleQueue(new AbortController().signal);
    const { work, done } = job(10, 3);
    queue.push(work);
    expect(callbacks).toHaveLength(1);
    idle(10);
    // 10 ms of idle, steps of 3 ms, no step started with 2 ms or less left: three steps, done
    // by 9 ms, and the rest waits for the next idle period.
    expect(done).toEqual([3, 6, 9]);
    idle(50);
    // A long idle period is still cut after 15 ms of work (a step started before then ends).
    expect(done.slice(3)).toEqual([12, 15, 18, 21, 24]);
    idle(50);
    expect(done).toHaveLength(10);
    expect(callbacks).toHaveLength(0);
  });

  it('still makes progress when the page never idles, in short forced slices', () => {
    const queue = createIdleQueue(new AbortController().signal);
    const { work, done } = job(10, 3);
    queue.push(work);
    expect(callbacks[0]?.timeout).toBe(1_000);
    idle(0, true);
    expect(done).toHaveLength(3);
  });

  it('drops its work and its callback when aborted', () => {
    const controller = new AbortController();
    const queue = createIdleQueue(controller.signal);
    const { work, done } = job(10, 1);
    queue.push(work);
    controller.abort();
    expect(callbacks).toHaveLength(0);
    queue.push(job(1, 1).work);
    expect(callbacks).toHaveLength(0);
    expect(done).toHaveLength(0);
  });
});
