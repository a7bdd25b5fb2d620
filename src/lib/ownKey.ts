// Objects keyed by names that come from data (record headers): a name "__proto__" must become
// an entry like any other. An assignment obj["__proto__"] = v sets the object's prototype
// instead (or, for a string, does nothing), so the entry is lost and the object changes shape.

/** Sets `key` on `target` as an own enumerable property, "__proto__" included. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
