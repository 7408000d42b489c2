// 32-bit hashing for shingles and MinHash: FNV-1a for words, MurmurHash3's
// finalizer to spread bits. Deterministic everywhere (seed, server, tests).

export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines hashes in order (not commutative). */
export function combineHashes(values: ArrayLike<number>, from = 0, to = values.length): number {
  let h = 0x9747b28c;
  for (let i = from; i < to; i++) h = Math.imul(h ^ values[i], 0x5bd1e995) + 0x165667b1;
  return fmix32(h);
}
