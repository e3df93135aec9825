import type { TQueryable } from "@/server/db/types";
import { type TDataset, ZDataset } from "@/shared/schemas/dataset";
import { cohortJson } from "./cohorts";
import { commitmentJson } from "./commitments";
import { documentJson } from "./documents";
import { incidentJson } from "./incidents";
import { meetingJson } from "./meetings";
import { getOrganisation } from "./organisation";
import { productJson } from "./products";
import { regulatoryActionJson, vendorJson } from "./vendors";

/*
 * The whole record as a dataset, each list in position order: what an edit starts from. The record of an
 * association is small (hundreds of rows a year), so reading it whole keeps every write's checks in one
 * shared place (src/shared/edits) instead of a second copy in SQL.
 */

const all = async <T>(db: TQueryable, item: string, table: string, alias: string): Promise<T[]> => {
  const rows = await db.query<{ item: T }>(
    `SELECT ${item} AS item FROM ${table} ${alias} ORDER BY ${alias}.position`,
  );
  return rows.map((row) => row.item);
};

export const loadDataset = async (db: TQueryable): Promise<TDataset> => {
  // One query after another: inside a transaction the connection serves one statement at a time.
  const organisation = await getOrganisation(db);
  const vendors = await all(db, vendorJson("v"), "vendors", "v");
  const products = await all(db, productJson("p"), "products", "p");
  const documents = await all(db, documentJson("d"), "documents", "d");
  const incidents = await all(db, incidentJson("i"), "incidents", "i");
  const cohorts = await all(db, cohortJson("c"), "cohorts", "c");
  // The stored commitment has no `overdue`: that belongs to a view as of a date.
  const commitments = await all(db, `${commitmentJson("c", "current_date")} - 'overdue'`, "commitments", "c");
  const meetings = await all(db, meetingJson("m"), "meetings", "m");
  const regulatoryActions = await all(db, regulatoryActionJson("r"), "regulatory_actions", "r");
  return ZDataset.parse({
    organisation,
    vendors,
    products,
    documents,
    incidents,
    cohorts,
    commitments,
    meetings,
    regulatoryActions,
  });
};
