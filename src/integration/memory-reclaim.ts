import os from 'node:os';
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

/** Below this much memory for the process (physical, or its container's limit) builds keep memory low unasked. */
export const smallMachineBytes = 8 * 2 ** 30;

/**
 * Whether a build keeps its memory low, from `LOW_MEMORY` ("1" always, "0" never, unset: on a
 * machine with less than smallMachineBytes) and the memory the process may use. Off by default on
 * larger machines: at 1,000 problem pages it costs about a seventh more time cold, to save memory such
 * a machine has to spare. Returns why it is on, or undefined when it is off.
 */
export function lowMemoryReason(setting: string | undefined, availableBytes: number): string | undefined {
  const value = setting?.trim() ?? '';
  if (value === '1') return 'LOW_MEMORY=1';
  if (value === '0') return undefined;
  if (value !== '') throw new Error(`LOW_MEMORY must be 1 (keep the build's memory low) or 0 (never), not "${value}"`);
  if (availableBytes >= smallMachineBytes) return undefined;
  return `this machine gives the build ${(availableBytes / 2 ** 30).toFixed(1)} GB; LOW_MEMORY=0 turns this off`;
}

/** The memory this process may use: its container's limit when there is one, else the machine's. */
export function availableMemoryBytes(): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory();
  return constrained > 0 && constrained < total ? constrained : total;
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
