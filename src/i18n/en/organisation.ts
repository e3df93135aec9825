import type { organisation as ja } from "../ja/organisation";
import type { TTwin } from "../placeholders";

export const organisation = {
  title: "Organisation settings",
  lead: "Set the organisation's name and the words the pages use. The name, the board's name and what the organisation calls the people it serves appear in every page's headings and texts.",
  formLabel: "Organisation settings",
  version: "Version {version}",
  saved: "The organisation settings were saved.",
  save: "Save the settings",
  reset: "Undo my changes",
  notAllowed: "Only administrators can change the organisation settings.",

  secName: "Name",
  fName: "Full name of the organisation",
  fNameHint: "The formal name shown on printed packs and headings.",
  fShortName: "Short name (used in sentences)",
  fShortNameHint:
    "A short way to refer to the organisation in sentences (e.g. the society, the co-op), as in “verified by {org}”.",
  fBoardName: "Name of the board",
  fBoardNameHint: "The body that reads this dashboard (e.g. Board of directors, Management committee).",

  secRules: "Fiscal year and legal form",
  fFiscalYearStart: "Month the fiscal year starts",
  fFiscalYearStartHint:
    "Used to group records by fiscal year (e.g. FY2025). Most Japanese organisations start in April.",
  fLegalForm: "Legal form",
  fLegalFormHint:
    "The legal form decides whether a periodic report to the {board} is a deadline the dashboard counts.",
  legalFormRule:
    "For this legal form the dashboard counts the report on the execution of duties to the {board} (at least every 3 months). Basis: {basis}",
  legalFormNoRule:
    "No law sets an interval for reports to the {board} for this legal form, so that deadline is not counted.",

  secPopulations: "What the people served are called",
  populationsLead:
    "How the organisation calls the people an incident may affect or a remediation must reach (e.g. customers, users, policyholders, subscribers). People of different groups are counted separately and never added.",
  populationsDefault: "The first one is the “{people}” of the pages' texts.",
  populationItem: "People group {n}",
  populationName: "Name",
  populationOfWhom: "Whose people (optional)",
  populationOfWhomHint:
    "When they are not the organisation's own people (another organisation's customers), name whose they are. Blank means the organisation's own.",
  populationAdd: "Add a people group",
  populationsEmpty: "There is no people group. At least one is needed.",

  secVendorKinds: "Kinds of vendor",
  vendorKindsLead:
    "The kinds vendors are classified by. Rename them or add your own; they are the choices of the vendor form.",
  vendorKindItem: "Vendor kind {n}",
  vendorKindName: "Name of the kind",
  vendorKindAdd: "Add a kind",
  vendorKindsEmpty: "There is no vendor kind. At least one is needed.",

  remove: "Remove",
  removeNamed: "Remove {name}",
  moveUp: "Up",
  moveUpNamed: "Move {name} up",
  moveDown: "Down",
  moveDownNamed: "Move {name} down",
  undoRemove: "Keep it",
  undoRemoveNamed: "Keep {name}",
  removedPending: "Removed when you save",
  unnamed: "(no name yet)",
  inUse: "The record still uses it, so it cannot be removed. Press “Keep it”.",
  newEntry: "new",
} as const satisfies TTwin<typeof ja>;
