import { useSearchParams } from "react-router";

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
