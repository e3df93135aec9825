import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import * as download from "@/lib/download";
import { renderWithProviders } from "@/test/render";
import { DataTable, TABLE_PAGE_ROWS } from "./data-table";

/*
 * A table as long as the record is drawn a page at a time; the reader asks for more, printing draws
 * every row, and the CSV holds every row whatever is drawn.
 */

type TRow = { id: string; n: number };
const rowsOf = (count: number): TRow[] =>
  Array.from({ length: count }, (_, i) => ({ id: `r${i + 1}`, n: i + 1 }));

const table = (rows: TRow[], pageRows?: number) => (
  <DataTable
    caption="Groups"
    rows={rows}
    rowKey={(r) => r.id}
    csvName="groups"
    {...(pageRows === undefined ? {} : { pageRows })}
    columns={[{ key: "n", header: "N", render: (r) => `row ${r.n}`, csv: (r) => r.n }]}
  />
);

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").length - 1;

afterEach(() => vi.restoreAllMocks());

it("draws the first page of a long table and adds a page, then the rest, when asked", async () => {
  const user = userEvent.setup();
  renderWithProviders(table(rowsOf(25), 10));
  expect(bodyRows()).toBe(10);
  expect(screen.getByRole("status")).toHaveTextContent("全25行のうち10行を表示しています。");
  await user.click(screen.getByRole("button", { name: "さらに10行を表示" }));
  expect(bodyRows()).toBe(20);
  expect(screen.getByRole("button", { name: "さらに5行を表示" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "全25行を表示" }));
  expect(bodyRows()).toBe(25);
  expect(screen.queryByRole("status")).not.toBeInTheDocument();
});

it("draws a table no longer than a page whole, and an unpaged table whole, with nothing to ask for", () => {
  const { unmount } = renderWithProviders(table(rowsOf(TABLE_PAGE_ROWS), TABLE_PAGE_ROWS));
  expect(bodyRows()).toBe(TABLE_PAGE_ROWS);
  expect(screen.queryByRole("button", { name: /行を表示/ })).not.toBeInTheDocument();
  unmount();
  renderWithProviders(table(rowsOf(TABLE_PAGE_ROWS * 3)));
  expect(bodyRows()).toBe(TABLE_PAGE_ROWS * 3);
  expect(screen.queryByRole("button", { name: /行を表示/ })).not.toBeInTheDocument();
});

it("draws every row for print", () => {
  renderWithProviders(table(rowsOf(TABLE_PAGE_ROWS * 2 + 3), TABLE_PAGE_ROWS));
  expect(bodyRows()).toBe(TABLE_PAGE_ROWS);
  act(() => {
    window.dispatchEvent(new Event("beforeprint"));
  });
  expect(bodyRows()).toBe(TABLE_PAGE_ROWS * 2 + 3);
});

it("exports every row as CSV, not only the rows drawn", async () => {
  const user = userEvent.setup();
  const saved = vi.spyOn(download, "downloadText").mockImplementation(() => undefined);
  renderWithProviders(table(rowsOf(25), 10));
  await user.click(screen.getByRole("button", { name: "CSVを書き出す" }));
  const csv = saved.mock.calls[0]?.[1] as string;
  expect(csv.trim().split(/\r?\n/)).toHaveLength(26);
});
