import { storageProblems } from "@/shared/edits/engine";
import { ZDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";
import { lockSchema } from "./migrate";
import { insertDataset, recordIsEmpty } from "./record-store";
import type { TDb } from "./types";

/*
 * Loads the dataset into an empty database, in one transaction: either all of it is stored or none.
 * A database that already has its organisation is left alone, so a restart neither loses nor doubles data.
 */

export type TSeedResult = { loaded: boolean };

/** Loads `dataset` (the 2025 case by default) when the database holds no organisation yet. */
export const seed = async (db: TDb, dataset: unknown = case2025): Promise<TSeedResult> => {
  const data = ZDataset.parse(dataset);
  // What the record cannot hold although each record's schema allows it: a reference to nothing, say.
  const problems = storageProblems(data, data);
  if (problems.length > 0) {
    const list = problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`);
    throw new Error(`the dataset cannot be stored: ${list.join("; ")}`);
  }
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    if (!(await recordIsEmpty(tx))) return { loaded: false };
    await insertDataset(tx, data);
    return { loaded: true };
  });
};
