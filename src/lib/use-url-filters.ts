import { useSearchParams } from "react-router";
import { ZFiscalYear } from "@/shared/schemas/common";

/**
 * The address's query string as page state: `update` sets or (for an empty value or null) removes keys
 * and pushes one history entry, so reload and back keep the view and a link can share it.
 */
export const useUrlParams = () => {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return { params, update };
};

/**
 * A list's filters kept in the address. `parse` reads them (ignoring values the API would reject);
 * `clear` removes only the filter keys, so other state in the address (a view, an as-of date) stays.
 */
export const useUrlFilters = <TKey extends string, TFilters extends object>(
  keys: readonly TKey[],
  parse: (params: URLSearchParams) => TFilters,
) => {
  const { params, update } = useUrlParams();
  const filters = parse(params);
  return {
    params,
    update,
    filters,
    active: Object.keys(filters).length > 0,
    setFilter: (key: TKey, value: string) => update({ [key]: value }),
    clear: () => update(Object.fromEntries(keys.map((key) => [key, null]))),
  };
};

/** `?year=2025` / `?fy=2025`: anything that is not a plausible 年度 is ignored, so a mistyped link still opens. */
export const parseFiscalYear = (raw: string | null): number | undefined => {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const year = ZFiscalYear.safeParse(Number(raw));
  return year.success ? year.data : undefined;
};
