import { fail, type TMockImpls } from "@/mocks/define";
import { compareText, page } from "@/mocks/derive";
import { notFound } from "@/shared/http";
import type { TRegulatoryAction } from "@/shared/schemas/vendor";

/** Newest first, then id. */
const newestFirst = (actions: readonly TRegulatoryAction[]) =>
  [...actions].sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));

export const vendorMocks = {
  listVendors: ({ data, query }) => page(data.vendors, query),
  getVendor: ({ data, params }) => {
    const vendor = data.vendors.find((v) => v.id === params.vendorId);
    if (!vendor) return fail(notFound("vendor", params.vendorId));
    return {
      ...vendor,
      regulatoryActions: newestFirst(data.regulatoryActions.filter((a) => a.vendorId === vendor.id)),
    };
  },
  listRegulatoryActions: ({ data, query }) =>
    page(
      newestFirst(
        data.regulatoryActions.filter(
          (a) =>
            (query.vendorId === undefined || a.vendorId === query.vendorId) &&
            (query.since === undefined || compareText(a.date, query.since) >= 0),
        ),
      ),
      query,
    ),
} satisfies TMockImpls;
