import type { TFigureDraft } from "@/components/form/figure-field";
import { textOrNull } from "@/lib/form-values";
import { fiscalYearOf } from "@/shared/dates";
import type { TIncident } from "@/shared/schemas/incident";

/*
 * The incident form's values mirror the request body (ZIncidentDraft / ZIncidentUpdate), so an error the
 * server reports at `milestones.2.source.documentId` lands on the control with that path. What a control
 * cannot hold differs only while typing: an optional note is an empty pair (null in the body), a figure
 * whose status is not chosen yet is null, a number not typed is null, a choice not made is "".
 */

type TText = { ja: string; en: string };
type TSource = { documentId: string; cites: string[] };
type TSourcedText = { text: TText; source: TSource };

export type TScopeValues = {
  id?: string;
  unit: string;
  count: TFigureDraft;
  note: TText | null;
  outsideRecord: boolean;
};
export type TAffectedValues = { serviceId: string; count: TFigureDraft };
export type TMilestoneValues = {
  id?: string;
  kind: string;
  date: string;
  endDate: string | null;
  note: TText | null;
  source: TSource;
};
export type TContactValues = { name: TText; phone: string; hours: TText; source: TSource };

export type TIncidentValues = {
  version?: number;
  number: number | null;
  title: TText;
  category: string;
  status: string;
  fiscalYear: number | null;
  vendorIds: string[];
  summary: TText;
  system: TSourcedText | null;
  cause: TSourcedText | null;
  scope: TScopeValues[];
  affected: TAffectedValues[];
  dataCategories: TSourcedText[];
  misuse: { status: string; asOf: string | null; source: TSource };
  milestones: TMilestoneValues[];
  contact: TContactValues | null;
  documentIds: string[];
};

export const emptyText = (): TText => ({ ja: "", en: "" });
export const emptySource = (): TSource => ({ documentId: "", cites: [] });
export const emptySourcedText = (): TSourcedText => ({ text: emptyText(), source: emptySource() });

export const emptyScope = (): TScopeValues => ({ unit: "", count: null, note: null, outsideRecord: false });
export const emptyAffected = (): TAffectedValues => ({ serviceId: "", count: null });
export const emptyMilestone = (): TMilestoneValues => ({
  kind: "",
  date: "",
  endDate: null,
  note: null,
  source: emptySource(),
});
export const emptyContact = (): TContactValues => ({
  name: emptyText(),
  phone: "",
  hours: emptyText(),
  source: emptySource(),
});

/** A new incident: open, in the current fiscal year, the rest for the user to fill. */
export const emptyIncident = (today: string): TIncidentValues => ({
  number: null,
  title: emptyText(),
  category: "",
  status: "open",
  fiscalYear: fiscalYearOf(today),
  vendorIds: [],
  summary: emptyText(),
  system: null,
  cause: null,
  scope: [],
  affected: [],
  dataCategories: [],
  misuse: { status: "not_reported", asOf: null, source: emptySource() },
  milestones: [],
  contact: null,
  documentIds: [],
});

/** The form's values for a stored incident (or the current record of a 409): the draft plus its version. */
export const valuesFromIncident = (incident: TIncident): TIncidentValues => {
  const { id: _id, milestones, ...rest } = incident;
  return {
    ...rest,
    // Derived by the server from the milestone's source document: never sent.
    milestones: milestones.map(({ outsideRecord: _o, ...m }) => m),
  };
};

/**
 * The request body: a blank number means "the next one", blank optional notes are none. The endpoint's
 * schema has the final word on the rest (a choice not made, a figure without a status).
 */
export const toIncidentBody = (values: TIncidentValues) => {
  const { number, ...rest } = values;
  return {
    ...rest,
    ...(number === null ? {} : { number }),
    scope: values.scope.map((s) => ({ ...s, note: textOrNull(s.note) })),
    milestones: values.milestones.map((m) => ({ ...m, note: textOrNull(m.note) })),
  };
};

/** The earliest dated milestone, which names the incident's fiscal year (年度). */
export const earliestMilestoneDate = (milestones: readonly { date: string }[]): string | null => {
  const dates = milestones.map((m) => m.date).filter((d) => /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/.test(d));
  return dates.length === 0 ? null : (dates.sort()[0] as string);
};
