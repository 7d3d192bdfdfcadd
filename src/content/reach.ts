// What of the page still waits to be read for coin mentions, and when to read it: a block is read
// once it comes within reach of the viewport, so a long article costs at load only what the reader
// can see. Pure bookkeeping: the annotator's IntersectionObserver reports reach, and this decides
// which blocks to watch, which are ready, and what to read in each.

/** What to read in a block: all of it, or only parts the page added or changed since. */
export type Work<Part> = { whole: true } | { whole: false; parts: Part[] };

export interface ReachHooks<Unit> {
  /** Start reporting whether `unit` is within reach (the first report comes asynchronously). */
  watch(unit: Unit): void;
  /** Stop reporting on `unit`: it has nothing left to read. */
  unwatch(unit: Unit): void;
  /** `unit` has work and is within reach: read it soon (may be said more than once). */
  ready(unit: Unit): void;
}

export interface Reach<Unit, Part> {
  /** The whole block is to be read (new to us, or to be read again). */
  readWhole(unit: Unit): void;
  /** Part of the block is new or changed: read that part, unless the whole is read anyway. */
  readPart(unit: Unit, part: Part): void;
  /** What the observer reports. */
  reached(unit: Unit, inReach: boolean): void;
  /**
   * The block's work if it is (still) within reach, else null. Taking it unwatches the block
   * until more work comes: a block read once costs the observer nothing while it stays as it is.
   */
  take(unit: Unit): Work<Part> | null;
  /** The block left the page: nothing of it is read any more. */
  forget(unit: Unit): void;
}

interface UnitState<Part> {
  whole: boolean;
  parts: Part[];
  watched: boolean;
  inReach: boolean;
}

export function createReach<Unit extends object, Part>(hooks: ReachHooks<Unit>): Reach<Unit, Part> {
  const states = new WeakMap<Unit, UnitState<Part>>();
  const stateOf = (unit: Unit) => {
    let state = states.get(unit);
    if (!state) {
      state = { whole: false, parts: [], watched: false, inReach: false };
      states.set(unit, state);
    }
    return state;
  };
  const hasWork = (state: UnitState<Part>) => state.whole || state.parts.length > 0;

  /** New work: a watched block already in reach is ready now; another waits for a report. */
  function wanted(unit: Unit, state: UnitState<Part>) {
    if (!state.watched) {
      state.watched = true;
      hooks.watch(unit);
    } else if (state.inReach) hooks.ready(unit);
  }

  return {
    readWhole(unit) {
      const state = stateOf(unit);
      state.whole = true;
      state.parts = [];
      wanted(unit, state);
    },
    readPart(unit, part) {
      const state = stateOf(unit);
      if (!state.whole) state.parts.push(part);
      wanted(unit, state);
    },
    reached(unit, inReach) {
      const state = states.get(unit);
      if (!state?.watched) return;
      state.inReach = inReach;
      if (inReach && hasWork(state)) hooks.ready(unit);
    },
    take(unit) {
      const state = states.get(unit);
      if (!state?.watched || !state.inReach || !hasWork(state)) return null;
      const work: Work<Part> = state.whole ? { whole: true } : { whole: false, parts: state.parts };
      states.delete(unit);
      hooks.unwatch(unit);
      return work;
    },
    forget(unit) {
      const state = states.get(unit);
      if (!state) return;
      states.delete(unit);
      if (state.watched) hooks.unwatch(unit);
    },
  };
}
