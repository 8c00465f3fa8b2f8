/**
 * Seeded pseudo-random numbers, so every simulation on the site and in the tests is reproducible
 * across runs and machines (Math.random cannot be seeded).
 */

/** A generator of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32: 32-bit state, passes the common statistical batteries well enough for teaching
 * simulations, and is a handful of integer operations, which keeps Monte Carlo loops fast.
 */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator of standard normal numbers (mean 0, variance 1), by the Box–Muller transform. */
export function normalGenerator(uniform: Uniform): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    // 1 - u keeps the argument of log in (0, 1], so log never returns -Infinity.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
