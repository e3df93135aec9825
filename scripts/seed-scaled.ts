import { migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { seed } from "@/server/db/seed";
import { scaleDataset } from "./scale-dataset";

/*
 * Fills an empty embedded database with the synthetic record `factor` times a year's case
 * (scripts/scale-dataset.ts), before the server opens it: the UI benchmark measures the board's first
 * screen at 1× and at 100× the record with it.
 *
 *   tsx scripts/seed-scaled.ts <DATA_DIR> <factor>
 */

export const seedScaled = async (dataDir: string, factor: number) => {
  const db = await openDb({ dataDir });
  try {
    await migrate(db);
    const { loaded } = await seed(db, scaleDataset(factor));
    if (!loaded) throw new Error(`${dataDir} already holds a record: nothing seeded`);
  } finally {
    await db.close();
  }
};

if (process.argv[1]?.endsWith("seed-scaled.ts")) {
  const [dataDir, factor] = process.argv.slice(2);
  if (!dataDir || !factor || !Number.isInteger(Number(factor)) || Number(factor) < 1) {
    console.error("usage: tsx scripts/seed-scaled.ts <DATA_DIR> <factor>");
    process.exit(2);
  }
  await seedScaled(dataDir, Number(factor));
  console.log(`seeded ${factor}× into ${dataDir}`);
}
