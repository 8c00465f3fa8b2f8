import v8 from 'node:v8';
import vm from 'node:vm';

const MiB = 2 ** 20;

/**
 * When a build asks V8 to give its unused memory back. A large build's resident memory is mostly
 * not live data: V8 collects lazily while its heap may grow (at 1,000 problem pages a heap of
 * 0.6–0.9 GB held about 0.1–0.2 GB of live objects) and keeps the pages it freed in a pool, resident,
 * until a memory-reducing collection, which a busy process never gets on its own.
 */
export interface ReclaimPolicy {
  /** Resident size below which nothing is done: a small site never pays for a collection. */
  readonly floorBytes: number;
  /** How far the resident size may grow over what the last collection left before the next one. */
  readonly headroomBytes: number;
}

/**
 * 1,000 problem pages kept to about 1.3 GB (from 2.0–2.6 GB) with 8–10 collections; the real site
 * (0.8 GB at most) never reaches the floor. What a collection cannot free (Rolldown's native
 * memory, about 0.5 GB, and the live heap) is the level it returns to. The price is more than the
 * collections' own time (about 0.4 s each): the build runs slower for a while after each (more
 * young-generation collections once it is shrunk, and more that a GC trace did not explain).
 */
export const buildReclaimPolicy: ReclaimPolicy = { floorBytes: 1100 * MiB, headroomBytes: 400 * MiB };

/**
 * Whether a build keeps its memory low: yes unless `LOW_MEMORY=0`. At 1,000 problem pages it
 * costs about a tenth more time cold (nothing warm) and saves about a gigabyte; below the
 * policy's floor (the real site, any site of a few hundred problem pages) it costs nothing. One
 * behaviour on every machine: a build that is fast here and runs out of memory on a smaller CI
 * runner would be the worse surprise.
 */
export function keepsMemoryLow(setting: string | undefined): boolean {
  const value = setting?.trim() ?? '';
  if (value === '' || value === '1') return true;
  if (value === '0') return false;
  throw new Error(`LOW_MEMORY must be 0 (let the build's memory grow) or 1 (keep it low, the default), not "${value}"`);
}

/** The resident size at which the next collection is due. */
export function reclaimThreshold(policy: ReclaimPolicy, residentAfterLastCollection: number | undefined): number {
  return Math.max(policy.floorBytes, (residentAfterLastCollection ?? 0) + policy.headroomBytes);
}

export interface ReclaimReport {
  readonly collections: number;
  readonly collectingMs: number;
  readonly peakResidentBytes: number;
}

export interface MemoryReclaimer {
  /** Collects now if the resident size is over the floor: before starting a child process. */
  reclaimIfLarge(): void;
  /** Stops watching and says what was done. */
  stop(): ReclaimReport;
}

export interface ReclaimDependencies {
  readonly readResident: () => number;
  readonly collect: () => void;
  readonly now: () => number;
  readonly intervalMs: number;
}

let running: MemoryReclaimer | undefined;

/**
 * Watches the build process's resident size and runs a memory-reducing collection whenever it
 * crosses reclaimThreshold. One watcher per process: starting one stops the previous (a build that
 * failed before its last hook never stopped its own).
 */
export function watchBuildMemory(
  policy: ReclaimPolicy = buildReclaimPolicy,
  dependencies: ReclaimDependencies = defaultDependencies(),
): MemoryReclaimer {
  running?.stop();
  const { readResident, collect, now, intervalMs } = dependencies;
  let residentAfterLast: number | undefined;
  let collections = 0;
  let collectingMs = 0;
  let peakResidentBytes = 0;

  const collectNow = () => {
    const started = now();
    collect();
    collectingMs += now() - started;
    collections += 1;
    residentAfterLast = readResident();
  };
  const check = () => {
    const resident = readResident();
    peakResidentBytes = Math.max(peakResidentBytes, resident);
    if (resident >= reclaimThreshold(policy, residentAfterLast)) collectNow();
  };
  const timer = setInterval(check, intervalMs);
  // The watcher must never be what keeps a finished build's process alive.
  timer.unref();

  const reclaimer: MemoryReclaimer = {
    reclaimIfLarge() {
      const resident = readResident();
      peakResidentBytes = Math.max(peakResidentBytes, resident);
      if (resident >= policy.floorBytes) collectNow();
    },
    stop() {
      clearInterval(timer);
      if (running === reclaimer) running = undefined;
      return { collections, collectingMs, peakResidentBytes: Math.max(peakResidentBytes, readResident()) };
    },
  };
  running = reclaimer;
  return reclaimer;
}

function defaultDependencies(): ReclaimDependencies {
  return {
    readResident: () => process.memoryUsage.rss(),
    collect: memoryReducingCollection(),
    now: () => performance.now(),
    intervalMs: 250,
  };
}

let collection: (() => void) | undefined;

/**
 * V8's "last resort" collection: full collections until nothing more is freed, then the new space
 * shrunk and the pooled pages handed back to the system (a plain full collection keeps them). V8
 * gives JavaScript this only through its `gc` extension, installed in contexts created while
 * `--expose-gc` is set: the flag is set for one new context and cleared again, so no other code
 * sees a `gc` global.
 */
export function memoryReducingCollection(): () => void {
  if (collection) return collection;
  let gc = typeof globalThis.gc === 'function' ? globalThis.gc : undefined;
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    try {
      gc = vm.runInNewContext('gc') as NodeJS.GCFunction;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  const found = gc;
  collection = () => {
    found({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  };
  return collection;
}
