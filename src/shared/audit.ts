import { canonicalJson } from "./canonical-json";
import type { TAuditActor, TAuditEntityType, TAuditEntry, TAuditVerification } from "./schemas/audit";

/*
 * The audit log's hash chain, shared by the server (stored entries) and the mocks (in memory): each entry's
 * hash is the SHA-256 of its content in canonical JSON (src/shared/canonical-json.ts), and that content
 * includes the previous entry's hash (src/shared/audit.test.ts pins a known chain). Changing any entry
 * changes its hash; removing one breaks the link of the next; the head (the last seq and hash, kept
 * apart) catches entries removed from the end.
 */

export const GENESIS_HASH = "0".repeat(64);

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

export const sha256Hex = async (text: string): Promise<string> =>
  hex(await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));

export type TAuditDraft = {
  action: string;
  entityType: TAuditEntityType;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type TUnhashedEntry = Omit<TAuditEntry, "hash">;

export const entryHash = (entry: TUnhashedEntry): Promise<string> => sha256Hex(canonicalJson(entry));

/** The entries that follow `head` for one write, chained and hashed (all share the write's time and actor). */
export const chainEntries = async (
  head: { seq: number; hash: string } | null,
  drafts: readonly TAuditDraft[],
  meta: { at: Date; actor: TAuditActor },
): Promise<TAuditEntry[]> => {
  const out: TAuditEntry[] = [];
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (const draft of drafts) {
    seq += 1;
    const entry: TUnhashedEntry = { seq, at: meta.at.toISOString(), actor: meta.actor, ...draft, prevHash };
    const hash = await entryHash(entry);
    out.push({ ...entry, hash });
    prevHash = hash;
  }
  return out;
};

export type TChainProblem = TAuditVerification["problems"][number];

/**
 * Checks entries given in seq order (in batches: pass the state from one call to the next) and returns
 * what is wrong, naming the entry.
 */
export const checkEntries = async (
  entries: readonly TAuditEntry[],
  state: { lastSeq: number; lastHash: string },
): Promise<TChainProblem[]> => {
  const problems: TChainProblem[] = [];
  for (const entry of entries) {
    if (entry.seq !== state.lastSeq + 1) {
      problems.push({
        seq: entry.seq,
        kind: "missing_entries",
        detail: `entries ${state.lastSeq + 1}–${entry.seq - 1} are missing before entry ${entry.seq}`,
      });
    }
    if (entry.prevHash !== state.lastHash) {
      problems.push({
        seq: entry.seq,
        kind: "broken_link",
        detail: `entry ${entry.seq} does not follow the entry before it (it was changed or removed)`,
      });
    }
    const { hash, ...content } = entry;
    if ((await entryHash(content)) !== hash) {
      problems.push({
        seq: entry.seq,
        kind: "hash_mismatch",
        detail: `entry ${entry.seq} was changed after it was written`,
      });
    }
    state.lastSeq = entry.seq;
    state.lastHash = hash;
  }
  return problems;
};

/** The recorded head must be the last entry found. */
export const checkHead = (
  head: { seq: number; hash: string } | null,
  state: { lastSeq: number; lastHash: string },
): TChainProblem[] => {
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq === state.lastSeq && headHash === state.lastHash) return [];
  return [
    {
      seq: headSeq,
      kind: "head_mismatch",
      detail:
        headSeq > state.lastSeq
          ? `the log should end at entry ${headSeq} but ends at entry ${state.lastSeq}: entries were removed`
          : `the log's recorded end (entry ${headSeq}) does not match its last entry (${state.lastSeq})`,
    },
  ];
};

/** Verification over a whole in-memory log (the mocks; tests). */
export const verifyLog = async (
  entries: readonly TAuditEntry[],
  head: { seq: number; hash: string } | null,
  now: Date,
): Promise<TAuditVerification> => {
  const state = { lastSeq: 0, lastHash: GENESIS_HASH };
  const problems = [...(await checkEntries(entries, state)), ...checkHead(head, state)];
  return {
    ok: problems.length === 0,
    entries: entries.length,
    lastSeq: state.lastSeq,
    lastHash: entries.length > 0 ? state.lastHash : null,
    problems,
    checkedAt: now.toISOString(),
  };
};
