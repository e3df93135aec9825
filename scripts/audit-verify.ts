import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DATA_DIR, openDb } from "@/server/db/open-db";
import { LOCK_FILE, lockHolder } from "@/server/db/pglite";
import { firstRow } from "@/server/db/rows";
import type { TDb } from "@/server/db/types";
import { listAudit, verifyAudit } from "@/server/edits/audit-log";
import type { TAuditEntry, TAuditVerification } from "@/shared/schemas/audit";

/*
 * Checks the audit trail's hash chain end to end, in the database the server uses:
 *
 *   npm run audit:verify
 *   npm run audit:verify -- --anchor 412:3f9a1c0d    (entry 412 must still have the hash noted then)
 *   npm run audit:verify -- --json                   (the result as JSON, for scripts)
 *
 * DATABASE_URL (PostgreSQL) or else the embedded database in DATA_DIR (default ./data). It only reads:
 * it never migrates or creates a database. Exit status: 0 intact, 1 tampered (each problem names the
 * entry), 2 when it could not check (no database, no audit log, database in use, bad arguments).
 *
 * The embedded database (PGlite) belongs to one process at a time: the server locks its folder
 * (src/server/db/pglite.ts), and a folder a live server holds is refused here; `--copy` checks a copy of
 * its files instead.
 */

const USAGE = `usage: npm run audit:verify [-- [--anchor <seq>:<hash or its first 8+ hex digits>]... [--json] [--copy]]
  --anchor  also check that entry <seq> still has the hash recorded earlier (e.g. in the board minutes)
  --json    print the result as JSON
  --copy    embedded database only: check a copy of DATA_DIR (when a server has it open)`;

const EXIT = { intact: 0, tampered: 1, error: 2 } as const;

class UsageError extends Error {}

/** A check of its own against a hash noted outside the database: catches a rewritten chain. */
type TAnchor = { seq: number; hash: string };
type TAnchorResult = TAnchor & { found: string | null; ok: boolean };

const parse = () => {
  const { values } = parseArgs({
    options: {
      anchor: { type: "string", multiple: true, default: [] },
      json: { type: "boolean", default: false },
      copy: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const anchors = values.anchor.map((text): TAnchor => {
    const match = /^(\d+):([0-9a-f]{8,64})$/i.exec(text.trim());
    if (!match) throw new UsageError(`--anchor must be <seq>:<hash> (8–64 hex digits), not "${text}"`);
    return { seq: Number(match[1]), hash: (match[2] as string).toLowerCase() };
  });
  return { anchors, json: values.json, copy: values.copy, help: values.help };
};

/** Stops with a message and exit status 2: nothing could be checked. */
class CannotCheck extends Error {}

const KIND_WORDS: Record<TAuditVerification["problems"][number]["kind"], string> = {
  hash_mismatch: "changed after it was written",
  broken_link: "chain broken",
  missing_entries: "entries missing",
  head_mismatch: "end of the log moved",
};

const inUseMessage = (dataDir: string) =>
  [
    `The embedded database in ${dataDir} is open in another process — a running server (npm start / npm run serve) —`,
    "or that process did not stop cleanly. It can be used by one process at a time: opening it twice can damage it.",
    "Either:",
    "  - stop the server (Ctrl+C) and run npm run audit:verify again; or",
    "  - ask the running server: sign in as an administrator and open /admin/audit (GET /api/v1/audit/verify); or",
    "  - run npm run audit:verify -- --copy to check a copy of its files (a write in progress may show as a problem).",
  ].join("\n");

type TOpened = { db: TDb; where: string; cleanup: () => Promise<void> };

const openDatabase = async (copy: boolean): Promise<TOpened> => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl) {
    try {
      return { db: await openDb({ databaseUrl }), where: "postgres (DATABASE_URL)", cleanup: async () => {} };
    } catch (error) {
      throw new CannotCheck(`Could not connect to DATABASE_URL: ${message(error)}`);
    }
  }
  const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
  // PGlite would create an empty database in a folder that has none: check first, create nothing.
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    throw new CannotCheck(
      `There is no database in ${resolve(dataDir)} (DATA_DIR, default ./data): nothing to check.\n` +
        "Set DATA_DIR to the server's data folder, or DATABASE_URL for PostgreSQL.",
    );
  }
  let dir = dataDir;
  let cleanup = async () => {};
  // A live server holds the folder (its lock names it); a lock or postmaster.pid left by a crash does not.
  if (lockHolder(dataDir)) {
    if (!copy) throw new CannotCheck(inUseMessage(dataDir));
    const tmp = await mkdtemp(join(tmpdir(), "bgd-audit-verify-"));
    dir = join(tmp, "data");
    await cp(dataDir, dir, { recursive: true });
    await rm(join(dir, "postmaster.pid"), { force: true });
    await rm(join(dir, LOCK_FILE), { force: true });
    cleanup = () => rm(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  try {
    const db = await openDb({ dataDir: dir });
    const where = dir === dataDir ? `pglite (${dataDir})` : `pglite (a copy of ${dataDir})`;
    return { db, where, cleanup };
  } catch (error) {
    await cleanup();
    throw new CannotCheck(`Could not open the embedded database in ${dataDir}: ${message(error)}`);
  }
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const hasAuditLog = async (db: TDb) => {
  const row = await firstRow(
    db,
    z.object({ log: z.string().nullable(), head: z.string().nullable() }),
    "SELECT to_regclass('audit_log')::text AS log, to_regclass('audit_head')::text AS head",
  );
  return Boolean(row?.log && row?.head);
};

const checkAnchors = async (db: TDb, anchors: TAnchor[]): Promise<TAnchorResult[]> => {
  const out: TAnchorResult[] = [];
  for (const anchor of anchors) {
    const row = await firstRow(
      db,
      z.object({ hash: z.string() }),
      "SELECT hash FROM audit_log WHERE seq = $1",
      [anchor.seq],
    );
    const found = row?.hash ?? null;
    out.push({ ...anchor, found, ok: found?.startsWith(anchor.hash) ?? false });
  }
  return out;
};

const describeEntry = (e: TAuditEntry) =>
  `#${e.seq} — ${e.at}, ${e.action} of ${e.entityType} ${e.entityId}, by ${e.actor.displayName} (${e.actor.username})`;

const report = (
  where: string,
  v: TAuditVerification,
  last: TAuditEntry | null,
  anchors: TAnchorResult[],
): string[] => {
  const badAnchors = anchors.filter((a) => !a.ok);
  const count = v.problems.length + badAnchors.length;
  const lines = [
    count === 0
      ? "Audit trail intact ✓"
      : `Audit trail TAMPERED ✗ — ${count} problem${count === 1 ? "" : "s"}`,
    `  database:        ${where}`,
    `  entries checked: ${v.entries}`,
    `  last entry:      ${last ? describeEntry(last) : v.entries === 0 ? "none (nothing recorded yet)" : `#${v.lastSeq}`}`,
    `  last hash:       ${v.lastHash ?? "none"}`,
  ];
  for (const a of anchors) {
    lines.push(
      a.ok
        ? `  anchor #${a.seq}:      matches ${a.hash}`
        : `  anchor #${a.seq}:      expected ${a.hash}…, found ${a.found ?? "no such entry"}`,
    );
  }
  if (count > 0) {
    lines.push("", "Problems:");
    for (const p of v.problems)
      lines.push(`  entry #${p.seq}: ${p.kind} (${KIND_WORDS[p.kind]}) — ${p.detail}`);
    for (const a of badAnchors) {
      lines.push(
        `  entry #${a.seq}: anchor_mismatch (history rewritten) — ${
          a.found
            ? `its hash is ${a.found}, not the ${a.hash}… recorded earlier`
            : "it is gone, though a hash was recorded for it earlier"
        }`,
      );
    }
  } else if (v.lastHash) {
    lines.push(
      "",
      `Note the last hash outside the database (e.g. in the board minutes: entry #${v.lastSeq}, ${v.lastHash.slice(0, 16)}),`,
      `then later: npm run audit:verify -- --anchor ${v.lastSeq}:${v.lastHash.slice(0, 16)}`,
    );
  }
  return lines;
};

const main = async (): Promise<number> => {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${message(error)}\n${USAGE}`);
    return EXIT.error;
  }
  if (args.help) {
    console.log(USAGE);
    return EXIT.intact;
  }
  let opened: TOpened;
  try {
    opened = await openDatabase(args.copy);
  } catch (error) {
    console.error(error instanceof CannotCheck ? error.message : `audit:verify failed: ${message(error)}`);
    return EXIT.error;
  }
  try {
    if (!(await hasAuditLog(opened.db))) {
      console.error(
        `The database (${opened.where}) has no audit log: it was never set up, or its schema is older than ` +
          "migration 003. Start the server once (it migrates the database), then run this again.",
      );
      return EXIT.error;
    }
    const verification = await verifyAudit(opened.db, new Date());
    // Run with the server's own access: every entry, users' included.
    const last =
      (await listAudit(opened.db, { includeUsers: true }, { limit: 1, offset: 0 })).items[0] ?? null;
    const anchors = await checkAnchors(opened.db, args.anchors);
    const intact = verification.ok && anchors.every((a) => a.ok);
    if (args.json) {
      // `intact` also counts the anchors; `ok` is the chain's own verdict, as the endpoint gives it.
      console.log(JSON.stringify({ intact, database: opened.where, ...verification, anchors }, null, 2));
    } else {
      console.log(report(opened.where, verification, last, anchors).join("\n"));
    }
    return intact ? EXIT.intact : EXIT.tampered;
  } catch (error) {
    console.error(`audit:verify failed: ${message(error)}`);
    return EXIT.error;
  } finally {
    await opened.db.close().catch(() => undefined);
    await opened.cleanup();
  }
};

process.exit(await main());
