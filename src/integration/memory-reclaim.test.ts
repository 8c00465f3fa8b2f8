import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildReclaimPolicy,
  keepsMemoryLow,
  memoryReducingCollection,
  reclaimThreshold,
  watchBuildMemory,
  type ReclaimDependencies,
} from './memory-reclaim';

const MiB = 2 ** 20;
const policy = { floorBytes: 1000 * MiB, headroomBytes: 300 * MiB };

/** A process whose resident size the test sets, and whose collections bring it down to `after`. */
function fakeProcess(after: number) {
  let resident = 0;
  const collections: number[] = [];
  const dependencies: ReclaimDependencies = {
    readResident: () => resident,
    collect: () => {
      collections.push(resident);
      resident = after;
    },
    now: () => Date.now(),
    intervalMs: 250,
  };
  return {
    dependencies,
    collections,
    set: (bytes: number) => {
      resident = bytes;
    },
    grow: (bytes: number) => {
      resident = bytes;
      vi.advanceTimersByTime(250);
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('when a build hands memory back', () => {
  it('waits for the floor, then for the headroom over what the last collection left', () => {
    expect(reclaimThreshold(policy, undefined), 'first collection at the floor').toBe(1000 * MiB);
    expect(reclaimThreshold(policy, 600 * MiB), 'still the floor: 600 + 300 MB is under it').toBe(1000 * MiB);
    expect(reclaimThreshold(policy, 900 * MiB), 'the live data grew: 900 + 300 MB').toBe(1200 * MiB);
  });

  it('collects only when the resident size crosses the threshold, and reports what it did', () => {
    vi.useFakeTimers();
    const process = fakeProcess(900 * MiB);
    const watcher = watchBuildMemory(policy, process.dependencies);
    process.grow(800 * MiB);
    expect(process.collections, 'a small build is left alone').toEqual([]);
    process.grow(1050 * MiB);
    expect(process.collections, 'over the floor: one collection').toEqual([1050 * MiB]);
    process.grow(1150 * MiB);
    expect(process.collections, 'under 900 + 300 MB: no second collection').toHaveLength(1);
    process.grow(1250 * MiB);
    expect(process.collections, 'over it: the second').toEqual([1050 * MiB, 1250 * MiB]);
    const report = watcher.stop();
    expect(report.collections).toBe(2);
    expect(report.peakResidentBytes, 'the highest size it saw').toBe(1250 * MiB);
    process.grow(5000 * MiB);
    expect(process.collections, 'a stopped watcher does nothing').toHaveLength(2);
  });

  it('collects before a child process starts only when the build is over the floor', () => {
    vi.useFakeTimers();
    const process = fakeProcess(700 * MiB);
    const watcher = watchBuildMemory(policy, process.dependencies);
    process.set(900 * MiB);
    watcher.reclaimIfLarge();
    expect(process.collections, 'under the floor').toEqual([]);
    process.set(1100 * MiB);
    watcher.reclaimIfLarge();
    expect(process.collections, 'over it, without waiting for the next check').toEqual([1100 * MiB]);
    watcher.stop();
  });

  it('stops the previous watcher when a new build starts in the same process', () => {
    vi.useFakeTimers();
    const first = fakeProcess(100 * MiB);
    watchBuildMemory(policy, first.dependencies);
    const second = fakeProcess(100 * MiB);
    const watcher = watchBuildMemory(policy, second.dependencies);
    first.grow(2000 * MiB);
    expect(first.collections, "the failed build's watcher no longer runs").toEqual([]);
    second.grow(2000 * MiB);
    expect(second.collections).toHaveLength(1);
    watcher.stop();
  });

  it("really hands the engine's freed pages back to the system", () => {
    const retained: number[][] = [];
    for (let index = 0; index < 400_000; index += 1) retained.push(Array.from({ length: 40 }, () => index));
    const withGarbage = process.memoryUsage.rss();
    retained.length = 0;
    memoryReducingCollection()();
    const after = process.memoryUsage.rss();
    expect(
      withGarbage - after,
      `resident size ${Math.round(withGarbage / MiB)} MB with garbage, ${Math.round(after / MiB)} MB after the collection`,
    ).toBeGreaterThan(60 * MiB);
    expect(vm.runInNewContext('typeof gc'), 'no other code is given a gc global').toBe('undefined');
  });
});

describe('whether a build keeps its memory low', () => {
  it('does unless LOW_MEMORY=0', () => {
    expect(keepsMemoryLow(undefined), 'the default').toBe(true);
    expect(keepsMemoryLow('')).toBe(true);
    expect(keepsMemoryLow('1')).toBe(true);
    expect(keepsMemoryLow('0')).toBe(false);
  });

  it('names the variable and its values when set to anything else', () => {
    expect(() => keepsMemoryLow('yes')).toThrow(
      `LOW_MEMORY must be 0 (let the build's memory grow) or 1 (keep it low, the default), not "yes"`,
    );
  });

  it("keeps the policy's floor above the real site's build (0.8 GB), so a small site never pays", () => {
    expect(buildReclaimPolicy.floorBytes).toBeGreaterThan(1000 * MiB);
  });
});
