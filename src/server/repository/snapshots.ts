import { z } from "zod";
import type { TQueryable } from "@/server/db/types";
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

const ZSnapshotRow = z.object({ snapshot: ZMeetingSnapshot });

/** A closed meeting's snapshot (parsed, so the answer keeps the schema's key order), or null. */
export const findSnapshot = async (db: TQueryable, meetingId: string): Promise<TMeetingSnapshot | null> => {
  const rows = await db.query("SELECT snapshot FROM meeting_snapshots WHERE meeting_id = $1", [meetingId]);
  return rows[0] ? ZSnapshotRow.parse(rows[0]).snapshot : null;
};
