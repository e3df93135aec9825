import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import type { TDataset } from "@/shared/schemas/dataset";
import { callCentreNone } from "@/shared/seed/fixtures/call-centre-none";
import { insurerRefunds } from "@/shared/seed/fixtures/insurer-refunds";
import { allFour } from "@/shared/seed/fixtures/merge";
import { printerLeak } from "@/shared/seed/fixtures/printer-leak";

/*
 * Fills an empty embedded database with one of the test fixtures (src/shared/seed/fixtures), before the
 * server opens it: the e2e suite reads pages of records unlike the demo with it. Fixtures are test data,
 * never shipped: only this script and the tests name them.
 *
 *   tsx scripts/seed-dataset.ts <DATA_DIR> printer-leak|call-centre-none|insurer-refunds|all-four
 */

export const DATASETS: Record<string, TDataset> = {
  "printer-leak": printerLeak,
  "call-centre-none": callCentreNone,
  "insurer-refunds": insurerRefunds,
  "all-four": allFour,
};

export const seedDataset = async (dataDir: string, name: string) => {
  const dataset = DATASETS[name];
  if (!dataset) throw new Error(`no dataset "${name}" (${Object.keys(DATASETS).join(", ")})`);
  const db = await openDb({ dataDir });
  try {
    await migrate(db);
    const { loaded } = await seed(db, dataset);
    if (!loaded) throw new Error(`${dataDir} already holds a record: nothing seeded`);
  } finally {
    await db.close();
  }
};

if (process.argv[1]?.endsWith("seed-dataset.ts")) {
  const [dataDir, name] = process.argv.slice(2);
  if (!dataDir || !name) {
    console.error(`usage: tsx scripts/seed-dataset.ts <DATA_DIR> ${Object.keys(DATASETS).join("|")}`);
    process.exit(2);
  }
  await seedDataset(dataDir, name);
}
