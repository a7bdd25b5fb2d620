// Which aggregate an actor's next command is about: uniform over N ids, or Zipf (a few hot
// aggregates get most commands, as in real traffic). The Zipf sampler precomputes the CDF
// once and draws by binary search, so each draw is O(log N) and fully seeded.
import type { Rng } from '../lib/rng';
import { InvalidSimOptionError } from './errors';

export type KeyDistribution = { kind: 'uniform' } | { kind: 'zipf'; exponent: number };

export interface KeySampler {
  /** An index in [0, n). */
  next(): number;
}

export function createKeySampler(dist: KeyDistribution, n: number, rng: Rng): KeySampler {
  if (!Number.isInteger(n) || n < 1) throw new InvalidSimOptionError(`The number of aggregate ids must be a whole number ≥ 1, got ${n}.`, { n });
  if (dist.kind === 'uniform') return { next: () => rng.int(n) };
  const s = dist.exponent;
  if (!(s > 0) || !Number.isFinite(s)) throw new InvalidSimOptionError(`The Zipf exponent must be a positive number, got ${s}.`, { exponent: s });
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / Math.pow(k + 1, s);
    cdf[k] = total;
  }
  for (let k = 0; k < n; k++) cdf[k] = cdf[k]! / total;
  return {
    next() {
      const u = rng.next();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}
