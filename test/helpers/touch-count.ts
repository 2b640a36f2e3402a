/**
 * An array whose element reads and writes are counted. The count is the work an
 * algorithm does on the array, the same on any machine, so a test can tell work that
 * grows with the array from work that grows with its square without timing anything.
 * Every way to reach an element goes through the proxy: indexing, `splice`, `push`,
 * iteration. Shortening with `length =` is not counted: the engine drops the tail itself.
 */
export interface CountedArray<T> {
  array: T[];
  /** Element reads, writes, deletes and existence checks so far. */
  touches: () => number;
}

export function countedArray<T>(items: T[]): CountedArray<T> {
  let touches = 0;
  const isIndex = (key: string | symbol) => typeof key === "string" && /^(?:0|[1-9]\d*)$/.test(key);
  const count = (key: string | symbol) => {
    if (isIndex(key)) touches++;
  };
  const array = new Proxy(items, {
    get(target, key, receiver) {
      count(key);
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      count(key);
      return Reflect.set(target, key, value, receiver);
    },
    deleteProperty(target, key) {
      count(key);
      return Reflect.deleteProperty(target, key);
    },
    has(target, key) {
      count(key);
      return Reflect.has(target, key);
    },
  });
  return { array, touches: () => touches };
}
