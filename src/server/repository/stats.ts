import type { TQueryable } from "@/server/db/types";
import { ZCommitmentStatus } from "@/shared/schemas/commitment";
import type { TText } from "@/shared/schemas/common";
import { ZMilestoneKind } from "@/shared/schemas/incident";
import type {
  TAffectedStats,
  TCohortCompletion,
  TCommitmentStats,
  TIntervalStats,
  TMilestoneInterval,
  TOverview,
  TRemediationStats,
  TRemediationTimeline,
  TVendorScorecard,
} from "@/shared/schemas/stats";
import { overdueSql } from "./commitments";
import { INCIDENT_AFFECTED_SQL } from "./incidents";
import { figure, isoDate, jsonArray, OPEN_ISH_SQL, text } from "./sql";

/*
 * The aggregates of docs/api-semantics.md, computed by the database. JavaScript only renames columns and
 * puts rows into the response's shape.
 */

/** A constant text[] literal from enum options (schema literals: letters and underscores only). */
const textArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(", ")}]::text[]`;

const KIND_RANK = (column: string) => `array_position(${textArray(ZMilestoneKind.options)}, ${column})`;

const ja_en = (row: { ja: string; en: string }): TText => ({ ja: row.ja, en: row.en });

/**
 * Per cohort (all of them, sub-groups included): members, the latest exact progress report (latest by
 * date, then position), and what follows from them; `amount_unknown` = an amount figure with no exact value.
 */
const COHORT_COMPLETION_SQL = `
  SELECT c.id AS cohort_id, c.parent_id, c.purpose, c.incident_id, i.number AS incident_number,
    c.position, c.label_ja, c.label_en, c.status,
    c.members_value AS members, l.done_value AS done,
    c.members_value - l.done_value AS remaining,
    CASE WHEN c.members_value IS NOT NULL AND l.done_value IS NULL THEN c.members_value ELSE 0 END AS not_reported,
    c.amount_value AS amount,
    c.members_value * c.amount_value AS owed_yen,
    l.done_value * c.amount_value AS done_yen,
    l.date AS last_report_date,
    (c.amount_status IS NOT NULL AND c.amount_value IS NULL) AS amount_unknown
  FROM cohorts c
  JOIN incidents i ON i.id = c.incident_id
  LEFT JOIN LATERAL (
    SELECT e.done_value, e.date FROM progress_events e
    WHERE e.cohort_id = c.id AND e.done_value IS NOT NULL
    ORDER BY e.date COLLATE "C" DESC, e.position DESC
    LIMIT 1
  ) l ON true`;

/** The earliest day-precise milestone of each span kind per incident (by date, then position). */
const EARLIEST_SQL = `
  SELECT DISTINCT ON (m.incident_id, m.kind) m.incident_id, m.id, m.kind, m.day, m.outside_record
  FROM milestones m
  WHERE m.day IS NOT NULL
    AND m.kind IN ('occurred', 'detected', 'reported_to_association', 'reported_to_board')
  ORDER BY m.incident_id, m.kind, m.day, m.position`;

/** Spans a board asks about, per incident, in the order of docs/api-semantics.md; needs CTE `earliest`. */
const SPANS_SQL = `
  SELECT f.incident_id, p.ord, f.id AS from_id, t.id AS to_id, f.kind AS from_kind, t.kind AS to_kind,
    f.day AS from_day, t.day AS to_day, t.day - f.day AS days, f.outside_record OR t.outside_record AS outside_record
  FROM (VALUES (1, 'occurred', 'reported_to_association'), (2, 'occurred', 'reported_to_board'),
               (3, 'detected', 'reported_to_association'), (4, 'detected', 'reported_to_board'))
    AS p (ord, from_kind, to_kind)
  JOIN earliest f ON f.kind = p.from_kind
  JOIN earliest t ON t.incident_id = f.incident_id AND t.kind = p.to_kind`;

// --- /stats/affected --------------------------------------------------------------------------------

type TAffectedIncidentRow = {
  incident_id: string;
  number: number;
  title_ja: string;
  title_en: string;
  total: number | null;
  by_product: TAffectedStats["incidents"][number]["byProduct"];
  cumulative: number;
  unreported: number;
};

const affectedIncidents = (db: TQueryable, fiscalYear: number | null) =>
  db.query<TAffectedIncidentRow>(
    `WITH affected AS (${INCIDENT_AFFECTED_SQL})
     SELECT i.id AS incident_id, i.number, i.title_ja, i.title_en, a.total,
       ${jsonArray(
         `jsonb_build_object('productId', ac.product_id, 'productName', ${text("p", "name")},
           'count', ${figure("ac", "count")})`,
         "affected_counts ac JOIN products p ON p.id = ac.product_id WHERE ac.incident_id = i.id",
         "ac.position",
       )} AS by_product,
       sum(a.exact_sum) OVER () AS cumulative,
       count(*) FILTER (WHERE a.total IS NULL) OVER () AS unreported
     FROM incidents i JOIN affected a ON a.incident_id = i.id
     WHERE ($1::int IS NULL OR i.fiscal_year = $1)
     ORDER BY i.number`,
    [fiscalYear],
  );

export const affectedStats = async (db: TQueryable, fiscalYear?: number): Promise<TAffectedStats> => {
  const [incidents, products] = await Promise.all([
    affectedIncidents(db, fiscalYear ?? null),
    db.query<{
      id: string;
      name_ja: string;
      name_en: string;
      reported_total: number;
      incident_count: number;
    }>(
      `SELECT p.id, p.name_ja, p.name_en,
         COALESCE(sum(ac.count_value), 0) AS reported_total,
         count(DISTINCT ac.incident_id) AS incident_count
       FROM products p
       LEFT JOIN (affected_counts ac JOIN incidents i ON i.id = ac.incident_id
                  AND ($1::int IS NULL OR i.fiscal_year = $1))
         ON ac.product_id = p.id
       GROUP BY p.id, p.position
       ORDER BY p.position`,
      [fiscalYear ?? null],
    ),
  ]);
  return {
    incidents: incidents.map((row) => ({
      incidentId: row.incident_id,
      number: row.number,
      title: ja_en({ ja: row.title_ja, en: row.title_en }),
      total: row.total,
      byProduct: row.by_product,
    })),
    byProduct: products.map((row) => ({
      productId: row.id,
      productName: ja_en({ ja: row.name_ja, en: row.name_en }),
      reportedTotal: row.reported_total,
      incidentCount: row.incident_count,
    })),
    cumulativeReported: incidents[0]?.cumulative ?? 0,
    incidentsWithUnreportedCounts: incidents[0]?.unreported ?? 0,
  };
};

// --- /stats/remediation -----------------------------------------------------------------------------

type TTotalsRow = {
  purpose: "financial" | "notification";
  members: number;
  done: number;
  remaining: number;
  not_reported: number;
  owed_yen: number;
  done_yen: number;
  members_with_unknown_amount: number;
};

/** Totals per purpose over top-level cohorts (of one incident when `incidentId` is given). */
const remediationTotals = async (db: TQueryable, incidentId: string | null) => {
  const rows = await db.query<TTotalsRow>(
    `WITH completion AS (${COHORT_COMPLETION_SQL})
     SELECT p.purpose,
       COALESCE(sum(x.members), 0) AS members,
       COALESCE(sum(x.done), 0) AS done,
       COALESCE(sum(x.remaining), 0) AS remaining,
       COALESCE(sum(x.not_reported), 0) AS not_reported,
       COALESCE(sum(x.owed_yen), 0) AS owed_yen,
       COALESCE(sum(x.done_yen), 0) AS done_yen,
       COALESCE(sum(x.members) FILTER (WHERE x.amount_unknown), 0) AS members_with_unknown_amount
     FROM (VALUES (1, 'financial'), (2, 'notification')) AS p (ord, purpose)
     LEFT JOIN completion x
       ON x.purpose = p.purpose AND x.parent_id IS NULL AND ($1::text IS NULL OR x.incident_id = $1)
     GROUP BY p.ord, p.purpose
     ORDER BY p.ord`,
    [incidentId],
  );
  const totals = (purpose: TTotalsRow["purpose"]) => {
    const row = rows.find((r) => r.purpose === purpose) as TTotalsRow;
    return {
      members: row.members,
      done: row.done,
      remaining: row.remaining,
      notReported: row.not_reported,
      owedYen: row.owed_yen,
      doneYen: row.done_yen,
      membersWithUnknownAmount: row.members_with_unknown_amount,
    };
  };
  return { financial: totals("financial"), notification: totals("notification") };
};

type TCompletionRow = {
  cohort_id: string;
  parent_id: string | null;
  purpose: "financial" | "notification";
  incident_id: string;
  incident_number: number;
  label_ja: string;
  label_en: string;
  status: TCohortCompletion["status"];
  members: number | null;
  done: number | null;
  remaining: number | null;
  not_reported: number;
  amount: number | null;
  owed_yen: number | null;
  done_yen: number | null;
  last_report_date: string | null;
};

export const remediationStats = async (db: TQueryable, incidentId?: string): Promise<TRemediationStats> => {
  const [cohorts, totals] = await Promise.all([
    db.query<TCompletionRow>(
      `WITH completion AS (${COHORT_COMPLETION_SQL})
       SELECT * FROM completion
       WHERE ($1::text IS NULL OR incident_id = $1)
       ORDER BY incident_number, position`,
      [incidentId ?? null],
    ),
    remediationTotals(db, incidentId ?? null),
  ]);
  return {
    cohorts: cohorts.map((row) => ({
      cohortId: row.cohort_id,
      parentId: row.parent_id,
      purpose: row.purpose,
      incidentId: row.incident_id,
      incidentNumber: row.incident_number,
      label: ja_en({ ja: row.label_ja, en: row.label_en }),
      status: row.status,
      members: row.members,
      done: row.done,
      remaining: row.remaining,
      notReported: row.not_reported,
      amountPerMemberYen: row.amount,
      owedYen: row.owed_yen,
      doneYen: row.done_yen,
      lastReportDate: row.last_report_date,
    })),
    ...totals,
  };
};

// --- /stats/remediation-timeline --------------------------------------------------------------------

export const remediationTimeline = async (
  db: TQueryable,
  incidentId?: string,
): Promise<TRemediationTimeline> => {
  const rows = await db.query<{
    date: string;
    cohort_id: string;
    incident_id: string;
    done_delta: number;
    done_yen_delta: number;
    cumulative_done: number;
    cumulative_done_yen: number;
  }>(
    `WITH reports AS (
       SELECT e.day, c.id AS cohort_id, c.incident_id, e.done_value AS done, COALESCE(c.amount_value, 0) AS amount,
         i.number, c.position AS cohort_position, e.position AS event_position
       FROM progress_events e
       JOIN cohorts c ON c.id = e.cohort_id
       JOIN incidents i ON i.id = c.incident_id
       WHERE c.parent_id IS NULL AND e.day IS NOT NULL AND e.done_value IS NOT NULL
         AND ($1::text IS NULL OR c.incident_id = $1)
     ), deltas AS (
       SELECT r.*, r.done - COALESCE(lag(r.done) OVER (PARTITION BY r.cohort_id
         ORDER BY r.day, r.number, r.cohort_position, r.event_position), 0) AS done_delta
       FROM reports r
     )
     SELECT ${isoDate("d.day")} AS date, d.cohort_id, d.incident_id, d.done_delta,
       d.done_delta * d.amount AS done_yen_delta,
       sum(d.done_delta) OVER w AS cumulative_done,
       sum(d.done_delta * d.amount) OVER w AS cumulative_done_yen
     FROM deltas d
     WINDOW w AS (ORDER BY d.day, d.number, d.cohort_position, d.event_position ROWS UNBOUNDED PRECEDING)
     ORDER BY d.day, d.number, d.cohort_position, d.event_position`,
    [incidentId ?? null],
  );
  return {
    points: rows.map((row) => ({
      date: row.date,
      cohortId: row.cohort_id,
      incidentId: row.incident_id,
      doneDelta: row.done_delta,
      doneYenDelta: row.done_yen_delta,
      cumulativeDone: row.cumulative_done,
      cumulativeDoneYen: row.cumulative_done_yen,
    })),
  };
};

// --- /stats/commitments -----------------------------------------------------------------------------

export const commitmentStats = async (
  db: TQueryable,
  filter: { vendorId?: string | undefined },
  asOf: string,
): Promise<TCommitmentStats> => {
  const rows = await db.query<{
    by_status: TCommitmentStats["byStatus"];
    total: number;
    overdue: number;
    due_within_14_days: number;
    without_due_date: number;
  }>(
    `WITH f AS (
       SELECT c.* FROM commitments c
       WHERE $1::text IS NULL
         OR EXISTS (SELECT 1 FROM commitment_owers co WHERE co.commitment_id = c.id AND co.vendor_id = $1)
     )
     SELECT
       (SELECT jsonb_agg(jsonb_build_object('status', s.status,
           'count', (SELECT count(*) FROM f WHERE f.status = s.status)) ORDER BY s.ord)
        FROM unnest(${textArray(ZCommitmentStatus.options)}) WITH ORDINALITY AS s (status, ord)) AS by_status,
       (SELECT count(*) FROM f) AS total,
       (SELECT count(*) FROM f WHERE ${overdueSql("f", "$2::date")}) AS overdue,
       (SELECT count(*) FROM f WHERE f.status IN ${OPEN_ISH_SQL}
          AND f.due_date BETWEEN $2::date AND $2::date + 14) AS due_within_14_days,
       (SELECT count(*) FROM f WHERE f.due_date IS NULL) AS without_due_date`,
    [filter.vendorId ?? null, asOf],
  );
  const row = rows[0];
  if (!row) throw new Error("commitment stats returned no row");
  return {
    asOf,
    byStatus: row.by_status,
    total: row.total,
    overdue: row.overdue,
    dueWithin14Days: row.due_within_14_days,
    withoutDueDate: row.without_due_date,
  };
};

// --- /stats/intervals -------------------------------------------------------------------------------

type TIntervalRow = {
  incident_id: string;
  from_id: string;
  to_id: string;
  from_kind: TMilestoneInterval["fromKind"];
  to_kind: TMilestoneInterval["toKind"];
  from_date: string;
  to_date: string;
  days: number;
  outside_record: boolean;
};

const interval = (row: TIntervalRow): TMilestoneInterval => ({
  incidentId: row.incident_id,
  fromMilestoneId: row.from_id,
  toMilestoneId: row.to_id,
  fromKind: row.from_kind,
  toKind: row.to_kind,
  fromDate: row.from_date,
  toDate: row.to_date,
  days: row.days,
  outsideRecord: row.outside_record,
});

export const intervalStats = async (db: TQueryable, incidentId?: string): Promise<TIntervalStats> => {
  const [steps, spans] = await Promise.all([
    db.query<TIntervalRow>(
      `WITH ordered AS (
         SELECT m.incident_id, i.number, m.id AS from_id, m.kind AS from_kind, m.day AS from_day,
           m.outside_record AS from_outside,
           lead(m.id) OVER w AS to_id, lead(m.kind) OVER w AS to_kind, lead(m.day) OVER w AS to_day,
           lead(m.outside_record) OVER w AS to_outside,
           row_number() OVER w AS seq
         FROM milestones m JOIN incidents i ON i.id = m.incident_id
         WHERE m.day IS NOT NULL AND ($1::text IS NULL OR m.incident_id = $1)
         WINDOW w AS (PARTITION BY m.incident_id ORDER BY m.day, ${KIND_RANK("m.kind")}, m.position)
       )
       SELECT incident_id, from_id, to_id, from_kind, to_kind,
         ${isoDate("from_day")} AS from_date, ${isoDate("to_day")} AS to_date,
         to_day - from_day AS days, from_outside OR to_outside AS outside_record
       FROM ordered WHERE to_id IS NOT NULL
       ORDER BY number, seq`,
      [incidentId ?? null],
    ),
    db.query<TIntervalRow>(
      `WITH earliest AS (${EARLIEST_SQL}), spans AS (${SPANS_SQL})
       SELECT s.incident_id, s.from_id, s.to_id, s.from_kind, s.to_kind,
         ${isoDate("s.from_day")} AS from_date, ${isoDate("s.to_day")} AS to_date, s.days, s.outside_record
       FROM spans s JOIN incidents i ON i.id = s.incident_id
       WHERE $1::text IS NULL OR s.incident_id = $1
       ORDER BY i.number, s.ord`,
      [incidentId ?? null],
    ),
  ]);
  return { steps: steps.map(interval), spans: spans.map(interval) };
};

// --- /stats/overview --------------------------------------------------------------------------------

export const overview = async (db: TQueryable, asOf: string): Promise<TOverview> => {
  const [counts, affected, remediation, meetings] = await Promise.all([
    db.query<{
      incidents: number;
      open_incidents: number;
      commitments: number;
      open_commitments: number;
      vendor_reported_done: number;
      verified: number;
      overdue: number;
    }>(
      `SELECT
         (SELECT count(*) FROM incidents) AS incidents,
         (SELECT count(*) FROM incidents WHERE status = 'open') AS open_incidents,
         count(*) AS commitments,
         count(*) FILTER (WHERE c.status IN ${OPEN_ISH_SQL}) AS open_commitments,
         count(*) FILTER (WHERE c.status = 'vendor_reported_done') AS vendor_reported_done,
         count(*) FILTER (WHERE c.status = 'verified') AS verified,
         count(*) FILTER (WHERE ${overdueSql("c", "$1::date")}) AS overdue
       FROM commitments c`,
      [asOf],
    ),
    affectedIncidents(db, null),
    remediationTotals(db, null),
    db.query<{ id: string; date: string; title_ja: string; title_en: string }>(
      `SELECT m.id, ${isoDate("m.date")} AS date, m.title_ja, m.title_en
       FROM meetings m ORDER BY m.date DESC, m.id COLLATE "C" DESC LIMIT 1`,
    ),
  ]);
  const c = counts[0];
  if (!c) throw new Error("overview counts returned no row");
  const latest = meetings[0];
  return {
    asOf,
    incidents: { total: c.incidents, open: c.open_incidents },
    affected: {
      cumulativeReported: affected[0]?.cumulative ?? 0,
      byIncident: affected.map((row) => ({
        incidentId: row.incident_id,
        number: row.number,
        title: ja_en({ ja: row.title_ja, en: row.title_en }),
        total: row.total,
      })),
    },
    remediation,
    commitments: {
      total: c.commitments,
      open: c.open_commitments,
      vendorReportedDone: c.vendor_reported_done,
      verified: c.verified,
      overdue: c.overdue,
    },
    latestMeeting: latest
      ? { id: latest.id, date: latest.date, title: ja_en({ ja: latest.title_ja, en: latest.title_en }) }
      : null,
  };
};

// --- /stats/vendors ---------------------------------------------------------------------------------

export const vendorScorecards = async (
  db: TQueryable,
  fiscalYear: number | undefined,
  asOf: string,
): Promise<{ asOf: string; rows: TVendorScorecard[] }> => {
  const rows = await db.query<{
    vendor_id: string;
    fiscal_year: number;
    incidents: number;
    members_affected_reported: number;
    incidents_with_unreported_counts: number;
    median_detection_to_association: number | null;
    median_occurrence_to_association: number | null;
    median_to_board: number | null;
    remediation_members: number;
    remediation_done: number;
    remediation_not_reported: number;
    commitments: number;
    kept_on_time: number;
    overdue: number;
    regulatory_actions: number;
  }>(
    `WITH keys AS (
       SELECT v.id AS vendor_id, $1::int AS fiscal_year, v.position AS vendor_position
       FROM vendors v WHERE $1::int IS NOT NULL
       UNION ALL
       SELECT DISTINCT iv.vendor_id, i.fiscal_year, v.position
       FROM incidents i
       JOIN incident_vendors iv ON iv.incident_id = i.id
       JOIN vendors v ON v.id = iv.vendor_id
       WHERE $1::int IS NULL
     ),
     scoped AS (
       SELECT k.vendor_id, k.fiscal_year, i.id AS incident_id
       FROM keys k
       JOIN incident_vendors iv ON iv.vendor_id = k.vendor_id
       JOIN incidents i ON i.id = iv.incident_id AND i.fiscal_year = k.fiscal_year
     ),
     affected AS (${INCIDENT_AFFECTED_SQL}),
     earliest AS (${EARLIEST_SQL}),
     spans AS (${SPANS_SQL}),
     completion AS (${COHORT_COMPLETION_SQL})
     SELECT k.vendor_id, k.fiscal_year, inc.*, med.*, rem.*, cm.*, reg.*
     FROM keys k
     CROSS JOIN LATERAL (
       SELECT count(*) AS incidents,
         COALESCE(sum(a.exact_sum), 0) AS members_affected_reported,
         count(*) FILTER (WHERE a.total IS NULL) AS incidents_with_unreported_counts
       FROM scoped s JOIN affected a ON a.incident_id = s.incident_id
       WHERE s.vendor_id = k.vendor_id AND s.fiscal_year = k.fiscal_year
     ) inc
     CROSS JOIN LATERAL (
       SELECT
         percentile_cont(0.5) WITHIN GROUP (ORDER BY sp.days)
           FILTER (WHERE sp.from_kind = 'detected' AND sp.to_kind = 'reported_to_association')
           AS median_detection_to_association,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY sp.days)
           FILTER (WHERE sp.from_kind = 'occurred' AND sp.to_kind = 'reported_to_association')
           AS median_occurrence_to_association,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY sp.days)
           FILTER (WHERE sp.from_kind = 'occurred' AND sp.to_kind = 'reported_to_board')
           AS median_to_board
       FROM scoped s JOIN spans sp ON sp.incident_id = s.incident_id
       WHERE s.vendor_id = k.vendor_id AND s.fiscal_year = k.fiscal_year
     ) med
     CROSS JOIN LATERAL (
       SELECT COALESCE(sum(x.members), 0) AS remediation_members,
         COALESCE(sum(x.done), 0) AS remediation_done,
         COALESCE(sum(x.not_reported), 0) AS remediation_not_reported
       FROM scoped s JOIN completion x ON x.incident_id = s.incident_id AND x.parent_id IS NULL
       WHERE s.vendor_id = k.vendor_id AND s.fiscal_year = k.fiscal_year
     ) rem
     CROSS JOIN LATERAL (
       SELECT count(*) AS commitments,
         count(*) FILTER (WHERE c.due_date IS NOT NULL AND c.status IN ('vendor_reported_done', 'verified')
           AND c.reported_done_date <= c.due_date) AS kept_on_time,
         count(*) FILTER (WHERE ${overdueSql("c", "$2::date")}) AS overdue
       FROM commitments c
       WHERE EXISTS (SELECT 1 FROM commitment_owers co WHERE co.commitment_id = c.id AND co.vendor_id = k.vendor_id)
         AND EXISTS (SELECT 1 FROM commitment_incidents ci JOIN scoped s ON s.incident_id = ci.incident_id
           WHERE ci.commitment_id = c.id AND s.vendor_id = k.vendor_id AND s.fiscal_year = k.fiscal_year)
     ) cm
     CROSS JOIN LATERAL (
       SELECT count(*) AS regulatory_actions
       FROM regulatory_actions r
       WHERE r.vendor_id = k.vendor_id
         AND r.date > ($2::date - interval '24 months')::date AND r.date <= $2::date
     ) reg
     ORDER BY k.fiscal_year DESC, k.vendor_position`,
    [fiscalYear ?? null, asOf],
  );
  return {
    asOf,
    rows: rows.map((row) => ({
      vendorId: row.vendor_id,
      fiscalYear: row.fiscal_year,
      incidents: row.incidents,
      membersAffectedReported: row.members_affected_reported,
      incidentsWithUnreportedCounts: row.incidents_with_unreported_counts,
      medianDaysDetectionToAssociation: row.median_detection_to_association,
      medianDaysOccurrenceToAssociation: row.median_occurrence_to_association,
      medianDaysToBoard: row.median_to_board,
      remediationMembers: row.remediation_members,
      remediationDone: row.remediation_done,
      remediationNotReported: row.remediation_not_reported,
      commitments: row.commitments,
      commitmentsKeptOnTime: row.kept_on_time,
      commitmentsOverdue: row.overdue,
      regulatoryActionsLast24Months: row.regulatory_actions,
    })),
  };
};
