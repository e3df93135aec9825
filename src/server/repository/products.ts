import type { TQueryable } from "@/server/db/types";
import type { TProduct } from "@/shared/schemas/product";
import { jsonArray, listPage, source, type TPage, text } from "./sql";

export const productJson = (p: string) => `jsonb_build_object(
  'id', ${p}.id, 'name', ${text(p, "name")},
  'vendorIds', ${jsonArray("pv.vendor_id", `product_vendors pv WHERE pv.product_id = ${p}.id`, "pv.position")},
  'changes', ${jsonArray(
    `jsonb_build_object('effective', pc.effective, 'description', ${text("pc", "description")},
      'source', ${source("pc", "source")})`,
    `product_changes pc WHERE pc.product_id = ${p}.id`,
    "pc.position",
  )},
  'version', ${p}.version
)`;

export const listProducts = (db: TQueryable, page: TPage) =>
  listPage<TProduct>(
    db,
    { item: productJson("p"), from: "products p", where: "true", orderBy: "p.position", params: [] },
    page,
  );

export const getProduct = async (db: TQueryable, id: string): Promise<TProduct | null> => {
  const rows = await db.query<{ item: TProduct }>(
    `SELECT ${productJson("p")} AS item FROM products p WHERE p.id = $1`,
    [id],
  );
  return rows[0]?.item ?? null;
};
