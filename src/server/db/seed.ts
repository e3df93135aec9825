import { ZDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";
import { lockSchema } from "./migrate";
import { insertDataset } from "./records";
import type { TDb } from "./types";

/*
 * Loads the dataset into an empty database, in one transaction: either all of it is stored or none.
 * A database that already has its organisation is left alone, so a restart neither loses nor doubles data.
 */

export type TSeedResult = { loaded: boolean };

/** Loads `dataset` (the 2025 case by default) when the database holds no organisation yet. */
export const seed = async (db: TDb, dataset: unknown = case2025): Promise<TSeedResult> => {
  const data = ZDataset.parse(dataset);
  return db.transaction(async (tx) => {
    await lockSchema(tx);
    const rows = await tx.query<{ n: number }>("SELECT count(*) AS n FROM organisation");
    if ((rows[0]?.n ?? 0) > 0) return { loaded: false };
    await insertDataset(tx, data);
    return { loaded: true };
  });
};
