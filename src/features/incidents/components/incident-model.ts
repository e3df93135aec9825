import { translate } from "@/i18n/i18n";
import type { TImpactTotal, TIncident, TMilestone, TMilestoneKind } from "@/shared/schemas/incident";
import { VENDOR_NOTICE_KINDS } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";

/** The milestones a board expects of every incident: when it happened, was found, and was reported. */
export const EXPECTED_MILESTONES = [
  "occurred",
  "detected",
  "reported_to_organisation",
  "reported_to_board",
] as const satisfies readonly TMilestoneKind[];

/** Expected milestones the record has no date for, shown as 未報告 rather than left out. */
export const missingMilestones = (milestones: readonly TMilestone[]): TMilestoneKind[] =>
  EXPECTED_MILESTONES.filter((kind) => !milestones.some((m) => m.kind === kind));

/** "the date of <milestone>" in both languages: what is missing when an expected milestone has no date. */
export const missingMilestoneText = (kind: TMilestoneKind) => {
  const text = (lang: "ja" | "en") =>
    translate(lang, "incidents.missingMilestoneDate", {
      milestone: translate(lang, `domain.milestone.${kind}`),
    });
  return { ja: text("ja"), en: text("en") };
};

export const isVendorNotice = (kind: string) => (VENDOR_NOTICE_KINDS as readonly string[]).includes(kind);

/** The vendor where it happened: the last of the chain (the organisation's own contractor is the first). */
export const whereItHappened = (incident: Pick<TIncident, "chain">): string | null =>
  incident.chain.at(-1) ?? null;

/** Every vendor the incident involves: its chain, then the others answerable for it. */
export const involvedVendors = (incident: Pick<TIncident, "chain" | "vendorIds">): string[] => [
  ...new Set([...incident.chain, ...incident.vendorIds]),
];

/** Who acted in a milestone, as far as the record says: the organisation, a vendor, or no one named. */
export type TActor = { kind: "organisation" } | { kind: "vendor"; vendorId: string | null } | null;

/**
 * The actor of a milestone from the record itself, never a fixed party: the organisation's own steps are
 * its own; a report to the organisation comes from its own contractor (the chain's first); the incident
 * happened at the chain's last; a vendor's announcement or report names its vendor only when the incident
 * involves one vendor (otherwise the record does not say which, and "a vendor" is all that is shown).
 */
export const milestoneActor = (
  incident: Pick<TIncident, "chain" | "vendorIds">,
  kind: TMilestoneKind,
): TActor => {
  const vendors = involvedVendors(incident);
  const only = vendors.length === 1 ? (vendors[0] as string) : null;
  switch (kind) {
    case "organisation_notice":
    case "organisation_regulator_preliminary_report":
    case "organisation_regulator_final_report":
      return { kind: "organisation" };
    case "occurred":
      return { kind: "vendor", vendorId: whereItHappened(incident) ?? only };
    case "reported_to_organisation":
    case "reported_to_officers":
      return { kind: "vendor", vendorId: incident.chain[0] ?? only };
    case "vendor_public_announcement":
    case "vendor_notice_to_people":
    case "vendor_regulator_preliminary_report":
    case "vendor_regulator_final_report":
      return { kind: "vendor", vendorId: only };
    default:
      return null;
  }
};

/**
 * Whose people the incident is about, for texts that say "{people}": the population of the first of the
 * organisation's own figures that counts someone (not 確認の結果なし), else of any of its own figures; null
 * when the record names none (the texts then say the organisation's first population).
 */
export const incidentPopulation = (incident: Pick<TIncident, "impact">): string | null => {
  const ours = incident.impact.filter((e) => e.scope === "ours" && !e.outsideRecord && e.populationId);
  return ours.find((e) => e.count.status !== "confirmed_none")?.populationId ?? ours[0]?.populationId ?? null;
};

/** Totals of one unit, the organisation's populations in their order (as the API gives them). */
export const totalsOf = (totals: readonly TImpactTotal[], unit: TImpactTotal["unit"]) =>
  totals.filter((t) => t.unit === unit);

type TRelevant = { meeting: TMeeting; items: TMeeting["items"]; resolutions: TMeeting["resolutions"] };

/**
 * What the board did about this incident: the agenda items that named it, and the resolutions made under
 * those items. A resolution of the whole meeting (no item) belongs to it only when the incident was on
 * one of that meeting's items; a resolution under an item about other incidents does not, even when it is
 * aimed at the same vendor.
 */
export const relevantMeetings = (meetings: readonly TMeeting[], incidentId: string): TRelevant[] =>
  meetings
    .map((meeting) => {
      const items = meeting.items.filter((i) => i.incidentIds.includes(incidentId));
      const itemIds = new Set(items.map((i) => i.id));
      const resolutions =
        items.length === 0
          ? []
          : meeting.resolutions.filter((r) => r.itemId === null || itemIds.has(r.itemId));
      return { meeting, items, resolutions };
    })
    .filter((m) => m.items.length > 0);
