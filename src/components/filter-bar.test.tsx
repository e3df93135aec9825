import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { renderWithProviders } from "@/test/render";
import { FilterBar, FilterSelect, FiscalYearSelect, fiscalYearOptions } from "./filter-bar";

const OPTIONS = [
  { value: "sompo", label: "損保ジャパン" },
  { value: "partners", label: "損保ジャパンパートナーズ" },
];

const Harness = ({ initial = "", onClear }: { initial?: string; onClear?: () => void }) => {
  const [value, setValue] = useState(initial);
  return (
    <FilterBar label="絞り込み" className="test-filters" active={value !== ""} onClear={onClear}>
      <FilterSelect label="事業者" value={value} options={OPTIONS} onChange={setValue} />
    </FilterBar>
  );
};

describe("FilterBar and FilterSelect", () => {
  it("labels the select, offers 'all' first, and reports the chosen value", async () => {
    renderWithProviders(<Harness />);
    const select = screen.getByRole("combobox", { name: "事業者" });
    expect(screen.getByRole("form", { name: "絞り込み" })).toHaveClass(
      "filter-bar",
      "test-filters",
      "no-print",
    );
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "すべて",
      "損保ジャパン",
      "損保ジャパンパートナーズ",
    ]);
    await userEvent.selectOptions(select, "partners");
    expect(select).toHaveValue("partners");
  });

  it("still offers a value from the address that the options do not name", () => {
    renderWithProviders(<Harness initial="old-vendor" />);
    const select = screen.getByRole("combobox", { name: "事業者" });
    expect(select).toHaveValue("old-vendor");
    expect(select.querySelectorAll("option")).toHaveLength(4);
  });

  it("shows the clear button only while a filter is set", async () => {
    const onClear = vi.fn();
    const { unmount } = renderWithProviders(<Harness onClear={onClear} />);
    expect(screen.queryByRole("button", { name: "条件をクリア" })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<Harness initial="sompo" onClear={onClear} />);
    await userEvent.click(screen.getByRole("button", { name: "条件をクリア" }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});

describe("fiscalYearOptions", () => {
  it("lists incident years newest first, with the chosen one", () => {
    expect(fiscalYearOptions([{ fiscalYear: 2024 }, { fiscalYear: 2025 }], 2022)).toEqual([2025, 2024, 2022]);
  });
  it("lists a year once however many incidents it has, and adds nothing when none is chosen", () => {
    expect(fiscalYearOptions([{ fiscalYear: 2025 }, { fiscalYear: 2025 }], undefined)).toEqual([2025]);
    expect(fiscalYearOptions([{ fiscalYear: 2025 }], 2025)).toEqual([2025]);
  });
});

describe("FiscalYearSelect", () => {
  it("offers each year once, newest first, with 'all' first", () => {
    renderWithProviders(
      <FiscalYearSelect
        label="年度"
        items={[{ fiscalYear: 2024 }, { fiscalYear: 2025 }, { fiscalYear: 2025 }]}
        value={2024}
        onChange={() => {}}
        allLabel="全年度"
      />,
    );
    const select = screen.getByRole("combobox", { name: "年度" });
    expect(select).toHaveValue("2024");
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "全年度",
      "2025年度",
      "2024年度",
    ]);
  });
});
