import type { TMockSignedIn } from "@/mocks/auth-state";
import type { TAuditDraft } from "@/shared/audit";
import { chainEntries } from "@/shared/audit";
import type { TEditContext, TEditOutcome, TEditSuccess } from "@/shared/edits/engine";
import type { TAuditEntry } from "@/shared/schemas/audit";
import type { TDataset } from "@/shared/schemas/dataset";
import type { TSettings } from "@/shared/schemas/settings";
import type { TMeetingSnapshot } from "@/shared/schemas/snapshot";

/*
 * The mocks' record: the dataset, its audit log, closed meetings' snapshots and the settings, in memory.
 * Writes replace the dataset with the edit's result (never change it in place), so a caller's dataset —
 * the frozen case in tests — is never touched.
 */

export type TMockStore = {
  data: TDataset;
  audit: TAuditEntry[];
  head: { seq: number; hash: string } | null;
  snapshots: Map<string, TMeetingSnapshot>;
  settings: TSettings;
  /** Writes take turns, as the server's edit lock makes them. */
  queue: Promise<unknown>;
  readonly initial: Readonly<TDataset>;
};

export const DEFAULT_SETTINGS: TSettings = { dayCounting: "exclude_first_day", version: 1 };

export const createMockStore = (data: Readonly<TDataset>): TMockStore => ({
  data: data as TDataset,
  audit: [],
  head: null,
  snapshots: new Map(),
  settings: DEFAULT_SETTINGS,
  queue: Promise.resolve(),
  initial: data,
});

/** Back to the dataset it started from, with an empty log (tests call it between tests). */
export const resetMockStore = (store: TMockStore) => {
  store.data = store.initial as TDataset;
  store.audit = [];
  store.head = null;
  store.snapshots = new Map();
  store.settings = DEFAULT_SETTINGS;
  store.queue = Promise.resolve();
};

export const mockEditContext = (signedIn: TMockSignedIn, now: number): TEditContext => ({
  now: new Date(now),
  actor: {
    id: signedIn.user.id,
    username: signedIn.user.username,
    displayName: signedIn.user.displayName,
  },
});

/** Appends audit entries for one write (inside `exclusive`). */
export const appendMockAudit = async (store: TMockStore, drafts: TAuditDraft[], ctx: TEditContext) => {
  const entries = await chainEntries(store.head, drafts, { at: ctx.now, actor: ctx.actor });
  const last = entries.at(-1);
  if (last) {
    store.audit = [...store.audit, ...entries];
    store.head = { seq: last.seq, hash: last.hash };
  }
};

/** Runs `fn` after every earlier write of this store has finished. */
export const exclusive = <T>(store: TMockStore, fn: () => Promise<T>): Promise<T> => {
  const run = store.queue.then(fn, fn);
  store.queue = run.catch(() => undefined);
  return run;
};

/**
 * The mocks' counterpart of the server's runEdit: the same shared edit over the in-memory record, its
 * result stored with its audit entries, or the edit's refusal.
 */
export const runMockEdit = <R>(
  store: TMockStore,
  action: string,
  ctx: TEditContext,
  edit: (data: TDataset) => TEditOutcome<R>,
): Promise<TEditOutcome<R>> =>
  exclusive(store, async () => {
    const outcome = edit(store.data);
    if (!outcome.ok) return outcome;
    await appendMockAudit(
      store,
      outcome.changes.map((change) => ({ action, ...change })),
      ctx,
    );
    store.data = (outcome as TEditSuccess<R>).data;
    return outcome;
  });
