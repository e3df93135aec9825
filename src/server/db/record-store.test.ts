import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bumpRevision,
  loadRecord,
  readRecord,
  readRecordForWrite,
  writeRecords,
} from "@/server/db/record-store";
import type { TDb } from "@/server/db/types";
import { openTestDb, type TTestDb, testEngines } from "@/server/test/open-test-db";

/*
 * The record each handle holds in memory: a read when nothing was written asks the database for the
 * revision alone, and a write made elsewhere (another server on the same PostgreSQL, another handle
 * here) is seen at the next read, settings included. Each wrapper below is a handle of its own, as a
 * second server would be.
 */

/** A handle of its own over the same database, which notes every statement it sends. */
const handle = (db: TDb) => {
  const sent: string[] = [];
  const own: TDb = {
    engine: db.engine,
    query: (sql, params) => {
      sent.push(sql);
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params) => {
            sent.push(sql);
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
        }),
      ),
    close: () => db.close(),
  };
  return { db: own, sent };
};

describe.each(testEngines)("the held record on %s", (engine) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await openTestDb({ engine });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers a read when nothing was written with one query that reads no record row", async () => {
    const reader = handle(t.db);
    const first = await readRecord(reader.db);
    expect(reader.sent.some((sql) => sql.includes("record_documents"))).toBe(true);
    reader.sent.length = 0;
    const again = await readRecord(reader.db);
    expect(again).toBe(first);
    expect(reader.sent).toHaveLength(1);
    expect(reader.sent[0]).not.toContain("record_documents");
  });

  it("sees a write made through another handle at the next read, as stored", async () => {
    const reader = handle(t.db);
    const writer = handle(t.db);
    const before = await readRecord(reader.db);
    const target = before.data.cases[0];
    if (!target) throw new Error("the seed has no case");
    await writer.db.transaction(async (tx) => {
      const held = await readRecordForWrite(writer.db, tx);
      const renamed = {
        ...target,
        title: { ja: "改名した事案", en: "Renamed case" },
        version: target.version + 1,
      };
      const data = { ...held.data, cases: held.data.cases.map((c) => (c.id === target.id ? renamed : c)) };
      await writeRecords(tx, held, data, [{ kind: "case", id: target.id }]);
    });
    const after = await readRecord(reader.db);
    expect(after.rev).toBe(before.rev + 1);
    expect(after.data.cases.find((c) => c.id === target.id)?.title.en).toBe("Renamed case");
    expect(after.data).toEqual((await loadRecord(t.db)).data);
  });

  it("reads the settings again when another handle moved the revision without a record row", async () => {
    const reader = handle(t.db);
    const before = await readRecord(reader.db);
    const next =
      before.settings.dayCounting === "exclude_first_day" ? "include_first_day" : "exclude_first_day";
    await t.db.transaction(async (tx) => {
      await tx.query("UPDATE settings SET day_counting = $1, version = version + 1", [next]);
      await bumpRevision(tx);
    });
    const after = await readRecord(reader.db);
    expect(after.rev).toBe(before.rev + 1);
    expect(after.settings).toEqual({ dayCounting: next, version: before.settings.version + 1 });
    expect(after.data).toEqual(before.data);
  });
});
