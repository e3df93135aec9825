import { todayInTokyo } from "../dates";
import type { TDataset } from "../schemas/dataset";
import type { TIncident } from "../schemas/incident";
import type { TScope, TStatsQuery } from "../schemas/stats";
import { recordAsOf } from "./as-of";

/*
 * What a figure is computed over: the record as of a day, narrowed to a scope. Without a case or an
 * incident the scope is the cases of a status (open ones by default); a vendor narrows it to the incidents
 * where the vendor is answerable or on the chain; a fiscal year to the incidents of that 年度.
 */

/** Whether a vendor has to answer for an incident: named as answerable, or on its chain of contractors. */
export const involves = (incident: Pick<TIncident, "vendorIds" | "chain">, vendorId: string) =>
  incident.vendorIds.includes(vendorId) || incident.chain.includes(vendorId);

export type TScoped = {
  scope: TScope;
  /** The record as of the day (every list, not only what is in scope). */
  record: TDataset;
  /** The incidents in scope, in number order. */
  incidents: TIncident[];
  incidentIds: ReadonlySet<string>;
};

export const scoped = (data: Readonly<TDataset>, query: Partial<TStatsQuery>, now: Date): TScoped => {
  const asOf = query.asOf ?? todayInTokyo(now);
  const record = recordAsOf(data, asOf);
  const caseStatus = query.caseStatus ?? "open";
  const statusOf = new Map(record.cases.map((c) => [c.id, c.status]));
  const incidents = record.incidents
    .filter((i) => {
      if (query.incidentId !== undefined) return i.id === query.incidentId;
      if (query.caseId !== undefined) return i.caseId === query.caseId;
      return caseStatus === "all" || statusOf.get(i.caseId) === caseStatus;
    })
    .filter((i) => query.vendorId === undefined || involves(i, query.vendorId))
    .filter((i) => query.fiscalYear === undefined || i.fiscalYear === query.fiscalYear)
    .sort((a, b) => a.number - b.number);
  const caseIds = [...new Set(incidents.map((i) => i.caseId))];
  // Keep the cases' own order (the order they were added).
  const order = new Map(record.cases.map((c, i) => [c.id, i]));
  caseIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    scope: {
      asOf,
      caseIds,
      incidentIds: incidents.map((i) => i.id),
      vendorId: query.vendorId ?? null,
      fiscalYear: query.fiscalYear ?? null,
      caseStatus,
    },
    record,
    incidents,
    incidentIds: new Set(incidents.map((i) => i.id)),
  };
};
