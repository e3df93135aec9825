import { useQuery } from "@tanstack/react-query";
import type { TMessageKey } from "@/i18n/catalog";
import { translate, useI18n } from "@/i18n/i18n";
import { referenceQueries } from "@/lib/reference-queries";

/**
 * Names for vendor and product ids. While the reference lists load (or if they fail) the id is shown,
 * which is still unambiguous, instead of holding the whole page back.
 */
export const useNames = () => {
  const { t, tx } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  const products = useQuery(referenceQueries.products());
  const vendorById = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const productById = new Map((products.data?.items ?? []).map((p) => [p.id, p]));
  return {
    vendors: vendors.data?.items ?? [],
    vendor: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.shortName) : id;
    },
    vendorFull: (id: string) => {
      const v = vendorById.get(id);
      return v ? tx(v.name) : id;
    },
    /** 保険会社 / 保険代理店, or "" until the vendor list has loaded. */
    role: (id: string) => {
      const v = vendorById.get(id);
      return v ? t(`domain.role.${v.role}` as TMessageKey) : "";
    },
    product: (id: string) => {
      const p = productById.get(id);
      return p ? tx(p.name) : id;
    },
  };
};

/** A catalog message in both languages, for components that take a bilingual text (NotReported's `missing`). */
export const catalogText = (key: TMessageKey) => ({ ja: translate("ja", key), en: translate("en", key) });
