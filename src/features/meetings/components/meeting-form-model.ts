import type { TFigureDraft } from "@/components/form/figure-field";
import { textOrNull } from "@/lib/form-values";
import { fiscalYearOf } from "@/shared/dates";
import type { TMeeting } from "@/shared/schemas/meeting";

/*
 * The meeting form's values mirror the request body (ZMeetingDraft / ZMeetingUpdate), so an error the
 * server reports at `resolutions.1.source.documentId` lands on the control with that path. Only what a
 * control cannot hold differs: an optional text is an empty pair while being typed (null in the body),
 * and a number not yet typed is null (the schema then says it is required).
 */

type TText = { ja: string; en: string };
type TSource = { documentId: string; cites: string[] };

export type TItemValues = {
  id?: string;
  title: TText;
  incidentIds: string[];
  documentIds: string[];
  presentedByIds: string[];
  note: TText | null;
};

export type TAttendeeValues = {
  vendorId: string;
  /** A figure: the kit's FigureField edits it (no status chosen until the user chooses one). */
  people: TFigureDraft;
  role: TText | null;
};

export type TResolutionValues = {
  id?: string;
  kind: string;
  text: TText;
  quote: string | null;
  /** The agenda item it was resolved under (an item's id in this form); null: the whole meeting. */
  itemId: string | null;
  targetVendorIds: string[];
  commitmentIds: string[];
  note: TText | null;
  source: TSource;
};

export type TMeetingValues = {
  version?: number;
  date: string;
  fiscalYear: number | null;
  number: number | null;
  kind: string;
  title: TText;
  source: TSource;
  items: TItemValues[];
  vendorAttendees: TAttendeeValues[];
  resolutions: TResolutionValues[];
};

const emptyText = (): TText => ({ ja: "", en: "" });
const emptySource = (): TSource => ({ documentId: "", cites: [] });

/**
 * A fresh id for a new agenda item, so a resolution can name the item before the meeting is saved (the
 * server keeps ids it is sent, and refuses one another meeting already uses).
 */
export const newItemId = (random: () => number = Math.random) =>
  `item-${Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, "0")}`;

export const emptyItem = (): TItemValues => ({
  id: newItemId(),
  title: emptyText(),
  incidentIds: [],
  documentIds: [],
  presentedByIds: [],
  note: null,
});

export const emptyAttendee = (): TAttendeeValues => ({ vendorId: "", people: {}, role: null });

export const emptyResolution = (): TResolutionValues => ({
  kind: "",
  text: emptyText(),
  quote: null,
  itemId: null,
  targetVendorIds: [],
  commitmentIds: [],
  note: null,
  source: emptySource(),
});

/** A new meeting: a regular one, everything else for the user to fill. */
export const emptyMeeting = (): TMeetingValues => ({
  date: "",
  fiscalYear: null,
  number: null,
  kind: "regular",
  title: emptyText(),
  source: emptySource(),
  items: [],
  vendorAttendees: [],
  resolutions: [],
});

/** The form's values for a stored meeting (at its version): the body it would send unchanged. */
export const valuesFromMeeting = (meeting: TMeeting): TMeetingValues => {
  const { id: _id, closed: _closed, ...rest } = meeting;
  return structuredClone(rest) as TMeetingValues;
};

/** The same from a 409's `current` (the record as it is now), for "discard mine". */
export const valuesFromCurrent = (current: Record<string, unknown>): TMeetingValues =>
  valuesFromMeeting(current as unknown as TMeeting);

/**
 * The 年度 a date falls in (from the organisation's first month, April by default), offered while the
 * user has not chosen another: when the date changes, the fiscal year follows it unless it no longer
 * matches the old date's (the user set it).
 */
export const followFiscalYear = (values: TMeetingValues, nextDate: string, startMonth = 4): number | null => {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(nextDate);
  const derivedBefore = /^\d{4}-\d{2}-\d{2}$/.test(values.date)
    ? fiscalYearOf(values.date, startMonth)
    : null;
  const userChosen = values.fiscalYear !== null && values.fiscalYear !== derivedBefore;
  if (userChosen) return values.fiscalYear;
  return valid ? fiscalYearOf(nextDate, startMonth) : values.fiscalYear;
};

const blankToNull = (s: string | null) => (s === null || s.trim() === "" ? null : s);

/** The body to send: optional texts left blank become null; everything else as typed. */
export const toMeetingBody = (values: TMeetingValues) => ({
  ...values,
  items: values.items.map((item) => ({ ...item, note: textOrNull(item.note) })),
  vendorAttendees: values.vendorAttendees.map((a) => ({ ...a, role: textOrNull(a.role) })),
  resolutions: values.resolutions.map((r) => ({
    ...r,
    quote: blankToNull(r.quote),
    itemId: r.itemId === "" ? null : r.itemId,
    note: textOrNull(r.note),
  })),
});
