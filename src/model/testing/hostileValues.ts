// JavaScript values that are not plain JSON, for the property test that parseBoard throws only
// its typed error: BigInts, circular objects, getters that throw, Proxies whose traps throw
// (also ones that throw a Proxy, which throws again when inspected), revoked Proxies, symbols.
import fc from 'fast-check';

/** What a hostile trap or getter throws: some are not Errors at all. */
const thrown: fc.Arbitrary<() => unknown> = fc.constantFrom(
  () => new Error('boom'),
  () => new RangeError('Maximum call stack size exceeded'),
  () => 'a string',
  () => undefined,
  () => Symbol('thrown'),
  () => 12n,
  () => throwingProxy({}, 'getPrototypeOf', () => 'again'),
);

const TRAPS = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'isExtensible', 'apply'] as const;

function throwingProxy(target: object, trap: (typeof TRAPS)[number], what: () => unknown): object {
  return new Proxy(target, {
    [trap]: () => {
      throw what();
    },
  });
}

/** A Proxy around `target` whose `trap` throws after `after` calls (so it fails part-way through a read). */
export function lateThrowingProxy<T extends object>(target: T, after: number, what: () => unknown): T {
  let calls = 0;
  const fire = () => {
    if (calls++ >= after) throw what();
  };
  // Wrap nested objects too, so the failure can happen anywhere in the tree.
  const wrap = (value: unknown): unknown => (typeof value === 'object' && value !== null ? lateThrowingProxy(value, after - calls, what) : value);
  return new Proxy(target, {
    get(t, k, r) {
      fire();
      return wrap(Reflect.get(t, k, r));
    },
    ownKeys(t) {
      fire();
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      fire();
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
  });
}

function circularObject(): unknown {
  const o: Record<string, unknown> = { a: 1 };
  o['self'] = o;
  o['list'] = [o];
  return o;
}

function circularArray(): unknown {
  const a: unknown[] = [1];
  a.push(a);
  return a;
}

function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/**
 * A hostile value, built only when the test runs: fast-check inspects and prints what it
 * generates, which a revoked Proxy or a throwing getter would break, so it handles recipes.
 */
export interface Hostile {
  readonly label: string;
  make(): unknown;
}

const recipe = (label: string, make: () => unknown): Hostile => ({ label, make, toString: () => label }) as Hostile;

export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  fc.bigInt().map((n) => recipe(`${n}n`, () => n)),
  fc.constant(recipe('circular object', circularObject)),
  fc.constant(recipe('circular array', circularArray)),
  fc.constant(recipe('revoked proxy', revoked)),
  fc.constant(recipe('symbol', () => Symbol('value'))),
  fc.constant(recipe('function', () => () => 1)),
  fc.tuple(fc.string({ maxLength: 8 }), thrown).map(([key, what]) =>
    recipe(`throwing getter ${JSON.stringify(key)}`, () =>
      Object.defineProperty({ x: 1 }, key || 'k', {
        enumerable: true,
        get() {
          throw what();
        },
      }),
    ),
  ),
  fc.tuple(fc.constantFrom(...TRAPS), thrown, fc.constantFrom<() => object>(() => ({}), () => [], () => ({ version: 1 }), () => () => 0)).map(([trap, what, target]) =>
    recipe(`proxy throwing from ${trap}`, () => throwingProxy(target(), trap, what)),
  ),
  fc
    .anything({
      withBigInt: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withDate: true,
    })
    .map((v) => recipe('fc.anything', () => v)),
);

export { thrown as thrownValue };
