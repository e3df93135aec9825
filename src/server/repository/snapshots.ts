import type { TQueryable } from "@/server/db/types";
import type { TSettings } from "@/shared/schemas/settings";
import { type TMeetingSnapshot, ZMeetingSnapshot } from "@/shared/schemas/snapshot";

/*
 * Closed meetings' snapshots: one row per meeting, written once in the transaction that closes it
 * (an append-only trigger refuses any later UPDATE or DELETE).
 */

export const insertSnapshot = async (tx: TQueryable, snapshot: TMeetingSnapshot) => {
  await tx.query(
    "INSERT INTO meeting_snapshots (meeting_id, taken_at, snapshot) VALUES ($1, $2::timestamptz, $3::jsonb)",
    [snapshot.meetingId, snapshot.takenAt, JSON.stringify(snapshot)],
  );
};

export type TSnapshotLookup =
  | { meeting: "missing" }
  | { meeting: "open" }
  | { meeting: "closed"; snapshot: TMeetingSnapshot | null };

/** The meeting's state and, when closed, its snapshot (parsed, so the answer keeps the schema's key order). */
export const findSnapshot = async (db: TQueryable, meetingId: string): Promise<TSnapshotLookup> => {
  const rows = await db.query<{ closed: boolean; snapshot: unknown }>(
    `SELECT m.closed_at IS NOT NULL AS closed, s.snapshot
     FROM meetings m LEFT JOIN meeting_snapshots s ON s.meeting_id = m.id
     WHERE m.id = $1`,
    [meetingId],
  );
  const row = rows[0];
  if (!row) return { meeting: "missing" };
  if (!row.closed) return { meeting: "open" };
  return { meeting: "closed", snapshot: row.snapshot ? ZMeetingSnapshot.parse(row.snapshot) : null };
};

/** The settings deadlines are computed with, as stored now. */
export const readSettings = async (tx: TQueryable): Promise<TSettings> => {
  const rows = await tx.query<{ day_counting: TSettings["dayCounting"]; version: number }>(
    "SELECT day_counting, version FROM settings WHERE singleton",
  );
  const row = rows[0];
  if (!row) throw new Error("the settings row is missing");
  return { dayCounting: row.day_counting, version: row.version };
};
