import type { TQueryable } from "@/server/db/types";
import type { TRegulatoryAction, TVendor, TVendorDetail } from "@/shared/schemas/vendor";
import { isoDate, jsonArray, listPage, source, type TPage, text } from "./sql";

export const vendorJson = (v: string) => `jsonb_build_object(
  'id', ${v}.id, 'name', ${text(v, "name")}, 'shortName', ${text(v, "short_name")}, 'role', ${v}.role,
  'productIds', ${jsonArray("vp.product_id", `vendor_products vp WHERE vp.vendor_id = ${v}.id`, "vp.position")},
  'version', ${v}.version
)`;

export const regulatoryActionJson = (r: string) => `jsonb_build_object(
  'id', ${r}.id, 'vendorId', ${r}.vendor_id, 'date', ${isoDate(`${r}.date`)},
  'authority', ${text(r, "authority")}, 'action', ${text(r, "action")}, 'amountYen', ${r}.amount_yen,
  'planDueDate', ${isoDate(`${r}.plan_due_date`)}, 'source', ${source(r, "source")}
)`;

/** Regulatory actions: newest first, then id. */
const ACTION_ORDER = 'r.date DESC, r.id COLLATE "C"';

export const listVendors = (db: TQueryable, page: TPage) =>
  listPage<TVendor>(
    db,
    { item: vendorJson("v"), from: "vendors v", where: "true", orderBy: "v.position", params: [] },
    page,
  );

export const getVendor = async (db: TQueryable, id: string): Promise<TVendorDetail | null> => {
  const rows = await db.query<{ item: TVendorDetail }>(
    `SELECT ${vendorJson("v")} || jsonb_build_object('regulatoryActions',
       ${jsonArray(regulatoryActionJson("r"), "regulatory_actions r WHERE r.vendor_id = v.id", ACTION_ORDER)}
     ) AS item
     FROM vendors v WHERE v.id = $1`,
    [id],
  );
  return rows[0]?.item ?? null;
};

export const listRegulatoryActions = (
  db: TQueryable,
  filter: { vendorId?: string | undefined; since?: string | undefined },
  page: TPage,
) =>
  listPage<TRegulatoryAction>(
    db,
    {
      item: regulatoryActionJson("r"),
      from: "regulatory_actions r",
      where: "($1::text IS NULL OR r.vendor_id = $1) AND ($2::date IS NULL OR r.date >= $2::date)",
      orderBy: ACTION_ORDER,
      params: [filter.vendorId ?? null, filter.since ?? null],
    },
    page,
  );
