import { getVendor, listRegulatoryActions, listVendors } from "@/server/repository/vendors";
import { found, type THandlers } from "@/server/routes/define";
import { notFound } from "@/shared/http";

export const vendorRoutes = {
  listVendors: ({ db, query }) => listVendors(db, query),
  getVendor: async ({ db, params }) =>
    found(await getVendor(db, params.vendorId), () => notFound("vendor", params.vendorId)),
  listRegulatoryActions: ({ db, query }) => listRegulatoryActions(db, query, query),
} satisfies THandlers;
