import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { useUrlFilters } from "./use-url-filters";

const KEYS = ["kind", "year"] as const;
const parse = (params: URLSearchParams) => {
  const filters: { kind?: string; year?: number } = {};
  const kind = params.get("kind");
  if (kind === "a" || kind === "b") filters.kind = kind;
  const year = Number(params.get("year"));
  if (year > 2000) filters.year = year;
  return filters;
};

const renderAt = (url: string) =>
  renderHook(() => ({ list: useUrlFilters(KEYS, parse), location: useLocation() }), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    ),
  });

describe("useUrlFilters", () => {
  it("reads the filters from the address, ignoring values the parser rejects", () => {
    const { result } = renderAt("/list?kind=zzz&year=2025&view=table");
    expect(result.current.list.filters).toEqual({ year: 2025 });
    expect(result.current.list.active).toBe(true);
    expect(renderAt("/list?view=table").result.current.list.active).toBe(false);
  });

  it("sets a filter, and removes it when the value is empty", () => {
    const { result } = renderAt("/list?view=table");
    act(() => result.current.list.setFilter("kind", "b"));
    expect(result.current.location.search).toBe("?view=table&kind=b");
    expect(result.current.list.filters).toEqual({ kind: "b" });
    act(() => result.current.list.setFilter("kind", ""));
    expect(result.current.location.search).toBe("?view=table");
  });

  it("clears only the filter keys, keeping the rest of the address", () => {
    const { result } = renderAt("/list?kind=a&view=table&year=2025");
    act(() => result.current.list.clear());
    expect(result.current.location.search).toBe("?view=table");
    expect(result.current.list.active).toBe(false);
  });

  it("updates several keys in one step", () => {
    const { result } = renderAt("/list?kind=a");
    act(() => result.current.list.update({ kind: null, view: "table" }));
    expect(result.current.location.search).toBe("?view=table");
  });
});
