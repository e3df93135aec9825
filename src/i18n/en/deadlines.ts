import type { deadlines as ja } from "../ja/deadlines";
import type { TTwin } from "../placeholders";

export const deadlines = {
  title: "Deadlines",
  asOf: "as of {date}",
  listSeparator: " · ",
  nameSeparator: ", ",

  panelTitle: "Deadlines",
  panelLead:
    "What is overdue and what falls due within {days} days ({org}'s own reports and notices, the vendors' reports and promises, reports to the {board})",
  countOverdue: "Overdue",
  countDueSoon: "Due within {days} days",
  countNotReported: "Date done not reported or recorded",
  countValue: "{n}",
  countNotReportedNote:
    "Past the due date, and the record does not show when it was done (a vendor's duty: not reported; {org}'s own: not recorded). Never counted as met.",
  panelNone: "Nothing is overdue or due within {days} days.",
  panelListLabel: "Deadlines that need attention",
  panelMore: "{n} more",
  seeAll: "See all deadlines",
  noDueDate: "No fixed date",
  whoseLabel: "Whose duty",

  daysLeft_one: "{n} day left",
  daysLeft_other: "{n} days left",
  daysLate_one: "{n} day overdue",
  daysLate_other: "{n} days overdue",
  dueToday: "Due today",

  guideline: "Guideline",
  guidelineTitle:
    'The law says only "promptly"; this date uses the longer end of the guideline\'s "about 3–5 days" (5 days).',

  "owner.organisation": "{org}'s duty",
  "owner.vendor": "Vendor's duty",
  ownerOrganisationNote: "as the entrusting party",
  vendorUnknown: "A vendor (not named in the record)",
  caseLabel: "Case",

  "state.met": "Met",
  "state.late": "Done late",
  "state.overdue": "Overdue",
  "state.due_soon": "Due soon",
  "state.upcoming": "Not yet due",
  "state.not_reported": "Not reported",
  "state.not_recorded": "Not recorded",
  "state.done_no_due": "Done (no fixed date)",

  "missing.start_date.vendor":
    "The day the vendor learned of it is not reported to the day, so no due date can be set",
  "missing.start_date.organisation":
    "The day the vendor told {org} is not recorded to the day, so no due date can be set",
  "missing.done_date.vendor":
    "The vendor has not reported the day it was done, so whether the deadline was met cannot be judged",
  "missing.done_date.organisation":
    "The day it was done is not recorded, so whether the deadline was met cannot be judged",

  "rule.APPI_PRELIM": "Preliminary report to the PPC",
  "rule.APPI_FINAL": "Final report to the PPC",
  "rule.APPI_NOTICE": "Notice to the individuals",
  "rule.INS_FSA_LEAK": "Leak report to the FSA (Insurance Business Act)",
  "rule.FSA_PLAN": "Business improvement plan",
  "rule.BOARD_REPORT": "Report to the {board} (every 3 months)",
  "rule.VENDOR_PROMISE": "Vendor promise / {board} demand",

  "to.APPI_PRELIM":
    "Personal Information Protection Commission (or the ministry its powers are delegated to)",
  "to.APPI_FINAL": "Personal Information Protection Commission (or the ministry its powers are delegated to)",
  "to.APPI_NOTICE": "The individuals (a public notice may substitute)",
  "to.INS_FSA_LEAK": "Financial Services Agency",
  "to.FSA_PLAN": "The authority that issued the order",
  "to.BOARD_REPORT": "The {board}",
  "to.VENDOR_PROMISE": "{org}",

  "start.statutory.vendor": "The vendor learned of it",
  "start.statutory.organisation": "The vendor told {org}",
  "start.BOARD_REPORT": "Last report to the {board}",
  "start.BOARD_REPORT.learned": "The vendor told {org} (no report to the {board} in the record)",
  "start.FSA_PLAN": "Date of the order",
  "start.VENDOR_PROMISE": "Promised or demanded on",

  colState: "State",
  colWhat: "What",
  colRule: "Deadline",
  colWhose: "Whose duty",
  colStart: "Clock starts",
  colDue: "Due",
  colDays: "Days left / overdue",
  colReported: "Done on",
  colDone: "Done",
  notDone: "Not done",
  notApplicable: "Not applicable",
  doneFromRecord: "{org}'s record",
  doneFromVendor: "as the vendor reports",

  sectionTitle: "Deadlines: overdue and due within {days} days",
  sectionLead:
    "{org}'s own reporting and notice deadlines, the vendors' reporting deadlines and promised dates, and the {board}'s quarterly reports. \"Not reported\" means the record does not show when it was done; it is never counted as met.",
  sectionCaption: "Overdue and due within {days} days ({n}, as of {date})",
  sectionNone: "Nothing is overdue or due within {days} days.",
  sectionOthers: "Show every deadline ({n}, including not reported, upcoming and done)",
  othersCaption: "Every deadline ({n})",
  pageShown: "Showing {n} of {total} (the most pressing first).",
  showEvery: "Show the other {n} too",
  loadingEvery: "Loading…",

  clocksTitle: "Statutory reporting deadlines and reports to the {board}",
  clocksLead:
    "Whose duty it is to report and notify follows whose personal data it was. Data {org} entrusted to the vendor: {org}'s duty (as the entrusting party), counted from the day the vendor told {org}. The vendor's own customers' data: the vendor's duty, which {org} checks from the dates the vendor reports.",
  clocksNotApplicable: "No APPI reporting deadline applies: the incident does not involve personal data.",
  clocksNotReportedNote:
    "“Not reported” means the record does not show when it was done (for a vendor's duty: the vendor has not told {org}). It does not mean the deadline was met.",
  clocksCaption: "Deadlines that apply to this incident ({n})",
  clocksNone: "No deadline applies to this incident.",
  dayCountingNote: "Day counting: {mode}",

  "dayCounting.exclude_first_day": "First day not counted (Civil Code Art. 140; default)",
  "dayCounting.include_first_day": "First day counted",
  "dayCountingHint.exclude_first_day":
    "Counting starts the day after the clock starts (e.g. 60 days from 21 April → 20 June).",
  "dayCountingHint.include_first_day":
    "The day the clock starts is day 1 (e.g. 60 days from 21 April → 19 June).",

  settingsTitle: "Day counting for deadlines",
  settingsLead:
    "Used to compute the statutory deadlines. A change applies to every deadline and is kept in the audit trail.",
  settingsLegend: "How days are counted",
  settingsSave: "Save",
  settingsSaved: "Saved.",
  settingsUnchanged: "That is already the setting.",
  settingsCurrent: "Current setting: {mode}",
  settingsReadOnly: "An administrator can change this setting.",
  settingsVersion: "version {version}",
} as const satisfies TTwin<typeof ja>;
