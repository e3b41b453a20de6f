/**
 * Memoisation by identity. The state is immutable, so anything derived from one state object (and the
 * minute, for time-dependent answers) can be computed once and shared by every view built from it: with
 * 30 counter panels, the queue is ranked once per change instead of 30 times.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** Like memoByObject, for answers that also depend on a number (an instant); keeps the last few. */
export function memoByObjectAndNumber<K extends object, V>(compute: (key: K, n: number) => V, keep = 4) {
  const cache = new WeakMap<K, Map<number, V>>();
  return (key: K, n: number): V => {
    let byNumber = cache.get(key);
    if (!byNumber) cache.set(key, (byNumber = new Map()));
    if (byNumber.has(n)) return byNumber.get(n)!;
    const value = compute(key, n);
    if (byNumber.size >= keep) byNumber.delete(byNumber.keys().next().value!);
    byNumber.set(n, value);
    return value;
  };
}
