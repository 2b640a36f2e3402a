/** How many layers a map may stack before `with` flattens it: lookups stay cheap, copies stay rare. */
const MAX_DEPTH = 16;

/**
 * A read-only map that is another map with some values replaced, without
 * copying it: `gekkan dev` replaces one page of sixteen thousand on a save.
 * Iteration follows the base's order, then keys the layers added.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  private constructor(private readonly own: ReadonlyMap<K, V>, private readonly base: LayeredMap<K, V> | undefined, private readonly depth: number) {
    let added = 0;
    if (base !== undefined) for (const key of own.keys()) if (!base.has(key)) added++;
    this.size = (base?.size ?? 0) + (base === undefined ? own.size : added);
  }

  /** `map` as a LayeredMap (itself when it already is one); the caller no longer changes `map`. */
  static of<K, V>(map: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return map instanceof LayeredMap ? (map as LayeredMap<K, V>) : new LayeredMap(map, undefined, 0);
  }

  /** This map with `changes` over it; this one stays as it is. */
  with(changes: Iterable<readonly [K, V]>): LayeredMap<K, V> {
    const layered = new LayeredMap(new Map(changes), this, this.depth + 1);
    return layered.depth <= MAX_DEPTH ? layered : new LayeredMap(layered.flat(), undefined, 0);
  }

  /**
   * A plain copy in iteration order. Copying the bottom map and setting each
   * layer's values over it keeps that order (a set on a present key keeps its
   * place, a new key goes last) without walking every entry through the
   * stacked iterators, which made every sixteenth save slow.
   */
  private flat(): Map<K, V> {
    if (this.base === undefined) return new Map(this.own);
    const flat = this.base.flat();
    for (const [key, value] of this.own) flat.set(key, value);
    return flat;
  }

  get(key: K): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base?.get(key);
  }

  has(key: K): boolean {
    return this.own.has(key) || (this.base?.has(key) ?? false);
  }

  *entries(): MapIterator<[K, V]> {
    if (this.base === undefined) {
      yield* this.own.entries();
      return;
    }
    for (const [key, value] of this.base.entries()) yield [key, this.own.has(key) ? (this.own.get(key) as V) : value];
    for (const [key, value] of this.own) if (!this.base.has(key)) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
