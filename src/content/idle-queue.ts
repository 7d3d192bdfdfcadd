// Runs the content script's work in small steps while the page's main thread is idle, so that no
// task of ours gets long (the goal is none over 50 ms) however large or busy the page is.

/** A piece of work done one small step at a time; `step` returns true when the job is finished. */
export interface Job {
  step(): boolean;
}

/** When the page never idles, a job still runs after this long, for at most FORCED_SLICE_MS. */
const IDLE_TIMEOUT_MS = 1_000;
const FORCED_SLICE_MS = 8;
/** The most one idle callback works, even in a long idle period: the page may need the thread. */
const IDLE_SLICE_MS = 15;
/** Leave this much of an idle period unused: a step may overrun its check by a little. */
const IDLE_MARGIN_MS = 2;

export interface IdleQueue {
  push(job: Job): void;
}

export function createIdleQueue(signal: AbortSignal): IdleQueue {
  const jobs: Job[] = [];
  let handle: number | null = null;

  const run = (deadline: IdleDeadline) => {
    handle = null;
    const until = performance.now() + (deadline.didTimeout ? FORCED_SLICE_MS : IDLE_SLICE_MS);
    const hasTime = () =>
      performance.now() < until &&
      (deadline.didTimeout || deadline.timeRemaining() > IDLE_MARGIN_MS);
    while (jobs.length > 0 && !signal.aborted && hasTime()) {
      const job = jobs[0] as Job;
      if (job.step()) jobs.shift();
    }
    schedule();
  };
  const schedule = () => {
    if (handle === null && jobs.length > 0 && !signal.aborted)
      handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  };
  signal.addEventListener(
    'abort',
    () => {
      if (handle !== null) cancelIdleCallback(handle);
      jobs.length = 0;
    },
    { once: true },
  );
  return {
    push(job) {
      if (signal.aborted) return;
      jobs.push(job);
      schedule();
    },
  };
}
