import type { TMeeting } from "@/shared/schemas/meeting";
import { case2025 } from "@/shared/seed/case-2025";
import { emptyMeeting, followFiscalYear, toMeetingBody, valuesFromMeeting } from "./meeting-form-model";

const stored = case2025.meetings[0] as TMeeting;

describe("followFiscalYear", () => {
  it("takes the 年度 from the date: April–March, named by its first year", () => {
    const blank = emptyMeeting();
    expect(followFiscalYear(blank, "2025-04-01")).toBe(2025);
    expect(followFiscalYear(blank, "2026-03-31")).toBe(2025);
    expect(followFiscalYear(blank, "2026-04-01")).toBe(2026);
  });

  it("follows a new date while the year is the one derived from the old date", () => {
    const derived = { ...emptyMeeting(), date: "2025-08-23", fiscalYear: 2025 };
    expect(followFiscalYear(derived, "2026-05-10")).toBe(2026);
  });

  it("keeps a year the user chose, and keeps it while the date is incomplete", () => {
    const chosen = { ...emptyMeeting(), date: "2025-08-23", fiscalYear: 2024 };
    expect(followFiscalYear(chosen, "2026-05-10")).toBe(2024);
    const typing = { ...emptyMeeting(), date: "", fiscalYear: null };
    expect(followFiscalYear(typing, "2025-0")).toBeNull();
  });
});

describe("the meeting form's body", () => {
  it("sends a stored meeting back unchanged (ids of items and resolutions kept)", () => {
    const { id: _id, closed: _closed, ...expected } = stored;
    expect(toMeetingBody(valuesFromMeeting(stored))).toEqual(expected);
  });

  it("turns optional texts left blank into null, never into empty strings", () => {
    const values = valuesFromMeeting(stored);
    const first = values.resolutions[0];
    if (!first) throw new Error("the case has resolutions");
    values.resolutions[0] = { ...first, quote: "  ", note: { ja: "", en: "" } };
    const body = toMeetingBody(values);
    expect(body.resolutions[0]?.quote).toBeNull();
    expect(body.resolutions[0]?.note).toBeNull();
  });
});
