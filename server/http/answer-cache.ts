// Finished answers (encoded, compressed, with their ETag) kept for reuse while the data they were read from has not
// changed. A live dashboard is many viewers polling the same few views: between two changes each of them asks the
// same question, and only the first one needs the database, the serializer and the compressor.
import { LRUCache } from 'lru-cache';

export interface StoredAnswer {
  /** The data's version when the answer was read: an answer is only good while the version stays the same. */
  version: number | string;
  /** The headers that describe the body (type, encoding, ETag, links, caching). */
  headers: Record<string, string>;
  body: Buffer;
}

/** Bookkeeping per entry besides its body: key, headers, the LRU's own node. */
const ENTRY_OVERHEAD_BYTES = 512;

export class AnswerCache {
  readonly #entries: LRUCache<string, StoredAnswer> | undefined;
  readonly #largest: number;

  /** `maxBytes` 0 keeps nothing. One answer may take at most a sixteenth of the budget. */
  constructor(maxBytes: number) {
    this.#largest = Math.floor(maxBytes / 16);
    this.#entries =
      maxBytes > 0
        ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (answer, key) => answer.body.length + key.length + ENTRY_OVERHEAD_BYTES })
        : undefined;
  }

  get enabled(): boolean {
    return this.#entries !== undefined;
  }

  /** The answer stored under `key` if it was read at `version`; an older one is dropped. */
  get(key: string, version: number | string): StoredAnswer | undefined {
    const answer = this.#entries?.get(key);
    if (!answer) return undefined;
    if (answer.version === version) return answer;
    this.#entries!.delete(key);
    return undefined;
  }

  set(key: string, answer: StoredAnswer): void {
    if (answer.body.length + key.length + ENTRY_OVERHEAD_BYTES > this.#largest) return;
    this.#entries?.set(key, answer);
  }

  get size(): number {
    return this.#entries?.size ?? 0;
  }
}
