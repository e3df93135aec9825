import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { typeParsers } from "./type-parsers";
import type { TDb, TQueryable } from "./types";

/*
 * The embedded database: PostgreSQL compiled to WASM, keeping its files in DATA_DIR.
 *
 * Three things PGlite leaves to its host:
 *   - Permissions: its files are created with the process's umask (world-readable by default). The folder
 *     holds password hashes and the whole record, so it is made private (0700/0600), and an existing
 *     folder found looser is tightened with a warning.
 *   - Exclusive use: PGlite does not lock its folder; two servers on one folder each see a stale copy and
 *     lose each other's writes. A lock file naming the holding process refuses a second one.
 *   - Durability: PGlite runs PostgreSQL with fsync off, so a committed transaction sits in the OS cache.
 *     After every committed transaction the WAL segment(s) written since the last sync and the WAL folder
 *     are fsynced here, so an acknowledged write survives an OS crash or power cut (recovery replays the
 *     WAL). Data files are synced after a checkpoint taken every few minutes and at close. Measured cost
 *     and limits: README ("Durability").
 */

export const LOCK_FILE = ".server.lock";

/** How often the data files are checkpointed and synced while writes happen (the WAL is synced per commit). */
const CHECKPOINT_EVERY_MS = 5 * 60_000;

const wrap = (target: PGlite | Transaction): TQueryable => ({
  async query(sql: string, params?: unknown[]) {
    const result = await target.query<Record<string, unknown>>(sql, params ?? []);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

// --- permissions -----------------------------------------------------------------------------------

/** Makes the folder and everything in it private; returns how many entries were looser. */
const tighten = (dir: string): number => {
  let loose = 0;
  const visit = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    const wanted = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o077) !== 0) {
      loose++;
      chmodSync(path, wanted);
    }
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return loose;
};

type TNodeOps = Record<string, (...args: unknown[]) => unknown>;
type TNodefs = { node_ops: TNodeOps; stream_ops: TNodeOps };

/**
 * PostgreSQL asks for 0666/0777 on the files it creates and chmods them so through the WASM file system:
 * every mode it sets is masked to the owner, whatever the umask.
 */
const privateModes = (pg: PGlite) => {
  const nodefs = (pg as unknown as { Module?: { NODEFS?: TNodefs } }).Module?.NODEFS;
  if (!nodefs) return;
  const mask = (mode: unknown) => (typeof mode === "number" ? mode & ~0o077 : mode);
  const { mknod, setattr } = nodefs.node_ops;
  if (mknod) nodefs.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mask(mode), dev);
  for (const ops of [nodefs.node_ops, nodefs.stream_ops]) {
    const inner = ops.setattr ?? setattr;
    if (!inner) continue;
    ops.setattr = (node, attr) => {
      const a = attr as { mode?: number } | undefined;
      return inner(node, a && a.mode !== undefined ? { ...a, mode: mask(a.mode) } : attr);
    };
  }
};

// --- the folder lock ------------------------------------------------------------------------------

/** A process's start time (Linux): a pid reused by another program after a crash is not the holder. */
const startTimeOf = (pid: number): string | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name (which may contain spaces, but ends with ')').
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

type THolder = { pid: number; started: string | null };

/** The live process holding the folder, or null (no lock, or one left by a process that is gone). */
export const lockHolder = (dataDir: string): THolder | null => {
  let holder: THolder;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")) as THolder;
  } catch {
    return null;
  }
  if (!Number.isInteger(holder.pid) || !isAlive(holder.pid)) return null;
  const started = startTimeOf(holder.pid);
  if (holder.started && started && holder.started !== started) return null;
  return holder;
};

export class DataDirInUse extends Error {
  override name = "DataDirInUse";
}

const acquireLock = (dataDir: string) => {
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, started: startTimeOf(process.pid) });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // O_EXCL: of two servers starting together, exactly one creates it.
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, mine);
      fsyncSync(fd);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, "utf8") === mine) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = lockHolder(dataDir);
      if (holder && holder.pid !== process.pid) {
        throw new DataDirInUse(
          `${dataDir} is in use by another server (process ${holder.pid}). The embedded database can be ` +
            "opened by one process at a time: stop that server first, or give this one another DATA_DIR " +
            "(for several servers, use PostgreSQL through DATABASE_URL).",
        );
      }
      // Left by a process that is gone (a crash): take it over.
      unlinkSync(path);
    }
  }
  throw new DataDirInUse(`Could not lock ${dataDir}.`);
};

// --- durability -----------------------------------------------------------------------------------

/** How many fsyncs this process has issued (tests prove every commit is synced with it). */
export const durability = { fsyncs: 0 };

const fsyncPath = (path: string) => {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
    durability.fsyncs++;
  } finally {
    closeSync(fd);
  }
};

/** Syncs what a commit wrote: the WAL segments changed since the last sync, and the WAL folder. */
const walSyncer = (dataDir: string) => {
  const walDir = join(dataDir, "pg_wal");
  let since = 0;
  return () => {
    const started = Date.now();
    for (const name of readdirSync(walDir)) {
      if (!/^[0-9A-F]{24}$/.test(name)) continue;
      const path = join(walDir, name);
      // A margin for coarse file times: syncing a segment twice is cheap, missing one is not.
      if (statSync(path).mtimeMs >= since - 2_000) fsyncPath(path);
    }
    fsyncPath(walDir);
    since = started;
  };
};

/**
 * Every file and folder of the data directory changed since `since` (after a checkpoint wrote the data
 * files). Unchanged files are left alone: syncing a thousand clean files costs seconds here.
 */
const syncChanged = (dir: string, since: number): boolean => {
  let changed = false;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    // A margin for coarse file times, as for the WAL.
    if (st.isDirectory()) changed = syncChanged(path, since) || changed;
    else if (st.isFile() && st.mtimeMs >= since - 2_000) {
      fsyncPath(path);
      changed = true;
    }
  }
  if (changed || statSync(dir).mtimeMs >= since - 2_000) fsyncPath(dir);
  return changed;
};

export type TPgliteOptions = {
  /** Warnings (a folder found with loose permissions). */
  log?: (message: string) => void;
};

/** Embedded PostgreSQL (WASM) keeping its files in `dataDir`; `memory://` keeps them in memory. */
export const openPglite = async (dataDir: string, options: TPgliteOptions = {}): Promise<TDb> => {
  const log = options.log ?? ((message: string) => console.error(message));
  const onDisk = !dataDir.startsWith("memory://");
  let release = () => {};
  let syncWal = () => {};
  if (onDisk) {
    if (existsSync(dataDir)) {
      const loose = tighten(dataDir);
      if (loose > 0) {
        log(`warning: ${dataDir} had ${loose} files or folders readable by others; made private (0700/0600)`);
      }
    } else {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    }
    release = acquireLock(dataDir);
    syncWal = walSyncer(dataDir);
  }
  let pg: PGlite;
  try {
    // PostgreSQL's default 128 MB of shared buffers costs ~800 MB of resident WASM memory here; the record
    // is small, and 16 MB brings the process to ~200 MB with no measurable loss (see `npm run bench:api`).
    // Checkpoints are taken here (timed, then synced), not when PostgreSQL would, with fsync off.
    pg = await PGlite.create(dataDir, {
      parsers: typeParsers,
      postgresqlconf: ["shared_buffers=16MB", "checkpoint_timeout=1d", "max_wal_size=1GB"],
    });
  } catch (error) {
    release();
    throw error;
  }
  if (onDisk) {
    privateModes(pg);
    // What PGlite unpacked or created while starting, before the modes above were masked.
    tighten(dataDir);
  }
  const base = wrap(pg);
  let closed = false;
  let lastCheckpoint = Date.now();
  // What was on disk when the server opened it counts as synced (a fresh folder's files included).
  let lastFullSync = Date.now();
  const checkpoint = async () => {
    const started = Date.now();
    syncChanged(dataDir, lastFullSync);
    lastFullSync = started;
  };
  const afterCommit = async () => {
    if (!onDisk) return;
    syncWal();
    if (Date.now() - lastCheckpoint >= CHECKPOINT_EVERY_MS) {
      lastCheckpoint = Date.now();
      await pg.exec("CHECKPOINT");
      await checkpoint();
    }
  };
  return {
    engine: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: async (fn) => {
      const result = await pg.transaction((tx) => fn(wrap(tx)));
      // Only now is the write acknowledged to the caller: it is on disk.
      await afterCommit();
      return result;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
        if (onDisk) await checkpoint();
      } finally {
        release();
      }
    },
  };
};
