import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "@/server/db/migrate";
import { openDb } from "@/server/db/open-db";
import { loadRecord } from "@/server/db/record-store";
import { seed } from "@/server/db/seed";
import {
  dataDigest,
  openTestDb,
  TEST_DATABASE_URL,
  type TTestDb,
  testEngines,
} from "@/server/test/open-test-db";
import { queryAs } from "@/server/test/query-as";
import { incidentTotals } from "@/shared/reads/derive";
import { ZDataset } from "@/shared/schemas/dataset";
import type { TIncident } from "@/shared/schemas/incident";
import { case2025 } from "@/shared/seed/case-2025";

const counts = async (t: TTestDb) => {
  const rows = await queryAs<{ name: string; n: number }>(
    t.db,
    `SELECT kind AS name, count(*) AS n FROM record_documents GROUP BY kind
     UNION ALL SELECT 'milestones', COALESCE(sum(jsonb_array_length(data -> 'milestones')), 0)
       FROM record_documents WHERE kind = 'incident'
     UNION ALL SELECT 'progress_events', COALESCE(sum(jsonb_array_length(data -> 'progress')), 0)
       FROM record_documents WHERE kind = 'cohort'`,
  );
  const n = Object.fromEntries(rows.map((row) => [row.name, row.n]));
  return {
    organisation: n.organisation ?? 0,
    incidents: n.incident ?? 0,
    milestones: n.milestones ?? 0,
    cohorts: n.cohort ?? 0,
    progress_events: n.progress_events ?? 0,
    commitments: n.commitment ?? 0,
    documents: n.document ?? 0,
    regulatory_actions: n.regulatory_action ?? 0,
  };
};

const expectedCounts = {
  organisation: 1,
  incidents: case2025.incidents.length,
  milestones: case2025.incidents.reduce((n, i) => n + i.milestones.length, 0),
  cohorts: case2025.cohorts.length,
  progress_events: case2025.cohorts.reduce((n, c) => n + c.progress.length, 0),
  commitments: case2025.commitments.length,
  documents: case2025.documents.length,
  regulatory_actions: case2025.regulatoryActions.length,
};

describe.each(testEngines)("migrations and seed on %s", (engine) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await openTestDb({ engine, migrate: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("applies every migration once, then none", async () => {
    const all = await loadMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    const first = await migrate(t.db);
    expect(first.applied).toEqual(all.map((m) => `${String(m.version).padStart(3, "0")}-${m.name}`));
    const second = await migrate(t.db);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied);
    const rows = await queryAs<{ version: number }>(
      t.db,
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((row) => row.version)).toEqual(all.map((m) => m.version));
  });

  it("refuses a migration that was changed after it was applied", async () => {
    const all = await loadMigrations();
    const changed = all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(t.db, changed)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls a failing migration back entirely", async () => {
    const all = await loadMigrations();
    const broken = {
      version: all.length + 1,
      name: "broken",
      sql: "CREATE TABLE half_done (id integer); SELECT * FROM no_such_table;",
      checksum: "x",
    };
    await expect(migrate(t.db, [...all, broken])).rejects.toThrow();
    const tables = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toEqual([]);
    const versions = await t.db.query("SELECT 1 FROM schema_migrations WHERE version = $1", [broken.version]);
    expect(versions).toEqual([]);
  });

  it("rejects an invalid dataset before touching the database", async () => {
    await expect(seed(t.db, { ...case2025, vendors: "nope" })).rejects.toThrow();
    expect((await counts(t)).organisation).toBe(0);
  });

  it("stores nothing of a dataset that fails half-way (one transaction)", async () => {
    // Valid for the schema of one record, but the last regulatory action names a vendor that does not exist.
    const last = case2025.regulatoryActions.at(-1);
    if (!last) throw new Error("the case has regulatory actions");
    const broken = {
      ...case2025,
      regulatoryActions: [
        ...case2025.regulatoryActions.slice(0, -1),
        { ...last, vendorId: "no-such-vendor" },
      ],
    };
    await expect(seed(t.db, broken)).rejects.toThrow();
    expect(await counts(t)).toEqual(Object.fromEntries(Object.keys(expectedCounts).map((k) => [k, 0])));
  });

  it("loads the case into the empty database, and only once", async () => {
    expect(await seed(t.db)).toEqual({ loaded: true });
    expect(await counts(t)).toEqual(expectedCounts);
    const digest = await dataDigest(t.db);
    expect(await seed(t.db)).toEqual({ loaded: false });
    expect(await dataDigest(t.db)).toBe(digest);
  });

  it("keeps everything across a restart without loading twice", async () => {
    const digest = await dataDigest(t.db);
    const db = await t.restart();
    expect((await migrate(db)).applied).toEqual([]);
    expect(await seed(db)).toEqual({ loaded: false });
    expect(await dataDigest(db)).toBe(digest);
    expect(await counts(t)).toEqual(expectedCounts);
  });

  it("keeps each record whole and named by its id", async () => {
    await expect(
      t.db.query("UPDATE record_documents SET data = '[]' WHERE kind = 'incident' AND id = 'inc-1'"),
    ).rejects.toThrow();
    await expect(
      t.db.query(
        "UPDATE record_documents SET data = jsonb_set(data, '{id}', '\"inc-9\"') WHERE kind = 'incident' AND id = 'inc-1'",
      ),
    ).rejects.toThrow();
    await expect(
      t.db.query("UPDATE record_documents SET kind = 'pending' WHERE id = 'inc-1'"),
    ).rejects.toThrow();
    await expect(
      t.db.query("UPDATE record_documents SET id = 'Not An Id' WHERE id = 'inc-3'"),
    ).rejects.toThrow();
  });
});

describe.each(testEngines)("migrations 006 and 007 on %s", (engine) => {
  it("turn the relational record of migrations 001–005 into the case's records: the same figures, one case per incident", async () => {
    const t = await openTestDb({ engine, migrate: false });
    try {
      const all = await loadMigrations();
      await migrate(t.db, all.slice(0, 5));
      await t.db.exec(
        await readFile(new URL("../test/fixtures/relational-2025.sql", import.meta.url), "utf8"),
      );
      await migrate(t.db, all);
      const { rev, data } = await loadRecord(t.db);
      // 006 stores the record at revision 1; 007 reshapes it at revision 2.
      expect(rev).toBe(2);
      const want = ZDataset.parse(case2025);
      const { cases, incidents, ...rest } = data;
      const { cases: _cases, incidents: wantIncidents, ...wantRest } = want;
      // Everything but the cases and the incidents' new fields is the case exactly.
      expect(rest).toEqual(wantRest);
      // One case per incident (grouping them is the board's call, not the migration's).
      expect(cases).toEqual(
        incidents.map((i) => ({
          id: `case-${i.id}`,
          title: i.title,
          summary: null,
          status: i.status,
          version: 1,
        })),
      );
      expect(incidents.map((i) => i.id)).toEqual(wantIncidents.map((i) => i.id));
      for (const [i, got] of incidents.entries()) {
        const expected = wantIncidents[i] as TIncident;
        expect(got.caseId).toBe(`case-${got.id}`);
        // The chain starts with the first vendor named; whose data it was follows the old model's rule.
        expect(got.chain).toEqual(got.vendorIds.slice(0, 1));
        const shape = ({ caseId: _c, chain: _ch, impact: _i, ...other }: TIncident) => other;
        expect(shape(got), got.id).toEqual(shape(expected));
        // The figures: the same totals per unit and population, per service, vendor-wide and outside.
        expect(incidentTotals(data, got), got.id).toEqual(incidentTotals(want, expected));
        const entries = (incident: TIncident) =>
          incident.impact
            .filter((e) => e.serviceId !== null || e.scope !== "ours")
            .map(({ id: _id, note: _n, ...e }) => e);
        expect(entries(got), got.id).toEqual(entries(expected));
      }
      expect(await seed(t.db)).toEqual({ loaded: false });
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)("concurrent starts on postgres", () => {
  it("lets two servers migrate and seed the same schema at once without conflict", async () => {
    const t = await openTestDb({ engine: "postgres", migrate: false });
    const url = TEST_DATABASE_URL as string;
    const schema = (await queryAs<{ s: string }>(t.db, "SELECT current_schema() AS s"))[0]?.s as string;
    const other = await openDb({ databaseUrl: url, schema });
    try {
      const [a, b] = await Promise.all([migrate(t.db), migrate(other)]);
      const labels = (await loadMigrations()).map((m) => `${String(m.version).padStart(3, "0")}-${m.name}`);
      expect([...a.applied, ...b.applied].sort()).toEqual(labels);
      const [sa, sb] = await Promise.all([seed(t.db), seed(other)]);
      expect([sa.loaded, sb.loaded].sort()).toEqual([false, true]);
      expect(await counts(t)).toEqual(expectedCounts);
    } finally {
      await other.close();
      await t.close();
    }
  });
});
