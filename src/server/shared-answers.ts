import { compress, type TEncoding } from "@/server/http-util";

/*
 * Answers that many requests share: the read cache's (src/server/routes/reads.ts), one per revision,
 * parameters and day, never changed once made. The dispatcher checks such an answer against the contract,
 * serialises it and compresses it once for every request it serves, not once per request: at a hundred
 * times the record those three steps, not the read, were what a board member waited for (the overview's
 * answers are 2.6 MB of JSON there). Anything else a handler returns is checked each time, as before.
 */

export type TPreparedAnswer = {
  /** The answer as sent (UTF-8 JSON), once a request has checked it against the contract. */
  json: Uint8Array<ArrayBuffer> | null;
  /** Its compressed forms, each made once (a promise, so that requests at the same moment share it). */
  encoded: Map<TEncoding, Promise<Uint8Array<ArrayBuffer>>>;
};

const shared = new WeakMap<object, TPreparedAnswer>();

/** Marks an answer its caller will hand out again, unchanged, to other requests. */
export const shareAnswer = <T>(answer: T): T => {
  if (typeof answer === "object" && answer !== null && !shared.has(answer)) {
    shared.set(answer, { json: null, encoded: new Map() });
  }
  return answer;
};

/** What is kept of a shared answer; undefined for any other. */
export const preparedAnswer = (answer: unknown): TPreparedAnswer | undefined =>
  typeof answer === "object" && answer !== null ? shared.get(answer) : undefined;

/** The answer's JSON compressed with `encoding`, made by the first request that asks for it. */
export const encodedAnswer = (
  prepared: TPreparedAnswer,
  json: Uint8Array<ArrayBuffer>,
  encoding: TEncoding,
) => {
  let encoded = prepared.encoded.get(encoding);
  if (!encoded) {
    encoded = compress(json, encoding).then((buffer) => new Uint8Array(buffer));
    prepared.encoded.set(encoding, encoded);
    // A failure is not kept: the next request tries again.
    encoded.catch(() => prepared.encoded.delete(encoding));
  }
  return encoded;
};
