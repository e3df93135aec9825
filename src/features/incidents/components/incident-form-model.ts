import type { TFigureDraft } from "@/components/form/figure-field";
import { textOrNull } from "@/lib/form-values";
import { fiscalYearOf, isDayPrecise } from "@/shared/dates";
import type { TIncident } from "@/shared/schemas/incident";
import { isVendorNotice } from "./incident-model";

/*
 * The incident form's values mirror the request body (ZIncidentDraft / ZIncidentUpdate), so an error the
 * server reports at `milestones.2.source.documentId` or `chain.1` lands on the control with that path.
 * What a control cannot hold differs only while typing: an optional note is an empty pair (null in the
 * body), a figure whose status is not chosen yet is null, a number not typed is null, a choice not made
 * is "".
 */

type TText = { ja: string; en: string };
type TSource = { documentId: string; cites: string[] };
type TSourcedText = { text: TText; source: TSource };

export type TImpactValues = {
  id?: string;
  /** "ours" (the organisation's own people or records) or "vendor_wide" (context); "" until chosen. */
  scope: string;
  serviceId: string | null;
  populationId: string | null;
  unit: string;
  count: TFigureDraft;
  note: TText | null;
};
export type TMilestoneValues = {
  id?: string;
  kind: string;
  date: string;
  endDate: string | null;
  note: TText | null;
  /** For a vendor's notice: it reached the organisation's own people (sent as false for other kinds). */
  coversOurPeople: boolean;
  source: TSource;
};
export type TContactValues = { name: TText; phone: string | null; hours: TText | null; source: TSource };

export type TIncidentValues = {
  version?: number;
  number: number | null;
  caseId: string;
  title: TText;
  category: string;
  status: string;
  fiscalYear: number | null;
  /** The organisation's own contractor first, then each subcontractor down to where it happened. */
  chain: string[];
  vendorIds: string[];
  dataRole: string;
  summary: TText;
  system: TSourcedText | null;
  cause: TSourcedText | null;
  impact: TImpactValues[];
  dataCategories: TSourcedText[];
  misuse: { status: string; asOf: string | null; source: TSource };
  milestones: TMilestoneValues[];
  contact: TContactValues | null;
  documentIds: string[];
};

export const emptyText = (): TText => ({ ja: "", en: "" });
export const emptySource = (): TSource => ({ documentId: "", cites: [] });
export const emptySourcedText = (): TSourcedText => ({ text: emptyText(), source: emptySource() });

/** A new entry counts the organisation's own people of its first population, the usual case. */
export const emptyImpact = (populationId: string | null): TImpactValues => ({
  scope: "ours",
  serviceId: null,
  populationId,
  unit: "people",
  count: null,
  note: null,
});
export const emptyMilestone = (): TMilestoneValues => ({
  kind: "",
  date: "",
  endDate: null,
  note: null,
  coversOurPeople: false,
  source: emptySource(),
});
export const emptyContact = (): TContactValues => ({
  name: emptyText(),
  phone: null,
  hours: null,
  source: emptySource(),
});

/**
 * A new incident: open, in a case when the list was scoped to one, its fiscal year left for its first
 * date to decide (the form fills it in from the earliest milestone; see FiscalYearField).
 */
export const emptyIncident = (caseId = ""): TIncidentValues => ({
  number: null,
  caseId,
  title: emptyText(),
  category: "",
  status: "open",
  fiscalYear: null,
  chain: [""],
  vendorIds: [],
  dataRole: "",
  summary: emptyText(),
  system: null,
  cause: null,
  impact: [],
  dataCategories: [],
  misuse: { status: "not_reported", asOf: null, source: emptySource() },
  milestones: [],
  contact: null,
  documentIds: [],
});

/** The form's values for a stored incident (or the current record of a 409): the draft plus its version. */
export const valuesFromIncident = (incident: TIncident): TIncidentValues => {
  const { id: _id, milestones, impact, ...rest } = incident;
  return {
    ...rest,
    // A record that does not know its chain yet opens with one link to fill in (every draft names one).
    chain: rest.chain.length > 0 ? rest.chain : [""],
    // Derived by the server from the source document: never sent.
    impact: impact.map(({ outsideRecord: _o, ...e }) => e),
    milestones: milestones.map(({ outsideRecord: _o, ...m }) => m),
  };
};

/**
 * The request body: a blank number means "the next one", blank optional notes and hours are none, a
 * blank phone is none, and only a vendor's notice can say it reached the organisation's people. The
 * endpoint's schema has the final word on the rest (a choice not made, a figure without a status).
 */
export const toIncidentBody = (values: TIncidentValues) => {
  const { number, ...rest } = values;
  return {
    ...rest,
    ...(number === null ? {} : { number }),
    impact: values.impact.map((e) => ({ ...e, note: textOrNull(e.note) })),
    milestones: values.milestones.map((m) => ({
      ...m,
      note: textOrNull(m.note),
      coversOurPeople: isVendorNotice(m.kind) && m.coversOurPeople,
    })),
    contact: values.contact
      ? {
          ...values.contact,
          phone: values.contact.phone?.trim() ? values.contact.phone.trim() : null,
          hours: textOrNull(values.contact.hours),
        }
      : null,
  };
};

const isPartialDate = (d: string) => /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/.test(d);

/** The earliest dated milestone, which names the incident's fiscal year (年度). */
export const earliestMilestoneDate = (milestones: readonly { date: string }[]): string | null => {
  const dates = milestones.map((m) => m.date).filter(isPartialDate);
  return dates.length === 0 ? null : (dates.sort()[0] as string);
};

/** The 年度 a date falls in, by the organisation's own start month; a month alone counts from its 1st. */
export const fiscalYearOfDate = (date: string, startMonth: number) =>
  fiscalYearOf(isDayPrecise(date) ? date : `${date}-01`, startMonth);
