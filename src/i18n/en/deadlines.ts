import type { deadlines as ja } from "../ja/deadlines";

export const deadlines = {
  title: "Deadlines",
  asOf: "as of {date}",
  listSeparator: " · ",

  panelTitle: "Deadlines",
  panelLead:
    "What is overdue and what falls due within {days} days (vendor promises, statutory reports, board reports)",
  countOverdue: "Overdue",
  countDueSoon: "Due within {days} days",
  countNotReported: "Date done not reported",
  countValue: "{n}",
  countNotReportedNote:
    "Past the due date, and the vendor has not reported when it was done. Never counted as met.",
  panelNone: "Nothing is overdue or due within {days} days.",
  panelListLabel: "Deadlines that need attention",
  panelMore: "{n} more",
  seeAll: "See all deadlines",
  noDueDate: "No fixed date",
  whoseLabel: "By",

  daysLeft: "{n} days left",
  daysLeftOne: "{n} day left",
  daysLate: "{n} days overdue",
  daysLateOne: "{n} day overdue",
  dueToday: "Due today",

  guideline: "Guideline",
  guidelineTitle:
    'The law says only "promptly"; this date uses the longer end of the guideline\'s "about 3–5 days" (5 days).',
  association: "The association (executive directors)",

  "state.met": "Met",
  "state.late": "Done late",
  "state.overdue": "Overdue",
  "state.due_soon": "Due soon",
  "state.upcoming": "Not yet due",
  "state.not_reported": "Not reported",
  "state.done_no_due": "Done (no fixed date)",

  "missing.start_date":
    "The day the vendor learned of it is not reported to the day, so no due date can be set",
  "missing.done_date":
    "The day it was done is not reported, so whether the deadline was met cannot be judged",

  "rule.APPI_PRELIM": "Preliminary report to the PPC",
  "rule.APPI_FINAL": "Final report to the PPC",
  "rule.APPI_NOTICE": "Notice to the individuals",
  "rule.INS_FSA_LEAK": "Leak report to the FSA (Insurance Business Act)",
  "rule.FSA_PLAN": "Business improvement plan",
  "rule.BOARD_REPORT": "Report to the board (every 3 months)",
  "rule.VENDOR_PROMISE": "Vendor promise / board demand",

  "to.APPI_PRELIM": "Personal Information Protection Commission (delegated to the FSA for insurers)",
  "to.APPI_FINAL": "Personal Information Protection Commission (delegated to the FSA for insurers)",
  "to.APPI_NOTICE": "The individuals (a public notice may substitute)",
  "to.INS_FSA_LEAK": "Financial Services Agency",
  "to.FSA_PLAN": "Financial Services Agency",
  "to.BOARD_REPORT": "The board",
  "to.VENDOR_PROMISE": "The association",

  "start.statutory": "The vendor learned of it",
  "start.BOARD_REPORT": "Last report to the board",
  "start.FSA_PLAN": "Date of the order",
  "start.VENDOR_PROMISE": "Promised or demanded on",

  colState: "State",
  colWhat: "What",
  colRule: "Deadline",
  colWhose: "By",
  colStart: "Clock starts",
  colDue: "Due",
  colDays: "Days left / overdue",
  colReported: "Done on (as the vendor reports)",
  colDone: "Done",
  notDone: "Not done",
  notApplicable: "Not applicable",

  sectionTitle: "Deadlines: overdue and due within {days} days",
  sectionLead:
    "The vendor's promised dates, the statutory reporting deadlines and the board's quarterly reports. \"Not reported\" means the vendor has not reported when it was done; it is never counted as met.",
  sectionCaption: "Overdue and due within {days} days ({n}, as of {date})",
  sectionNone: "Nothing is overdue or due within {days} days.",
  sectionOthers: "Show every deadline ({n}, including not reported, upcoming and done)",
  othersCaption: "Every deadline ({n})",

  clocksTitle: "Statutory reporting deadlines and reports to the board",
  clocksLead:
    "Each deadline runs from the day the vendor learned of the incident and is judged by the dates the vendor reports. The duty to report is the insurer's; the association checks it from the dates reported.",
  clocksNotApplicable:
    "No APPI or Insurance Business Act reporting deadline applies: the incident does not involve personal data.",
  clocksNotReportedNote:
    "“Not reported” means the vendor has not told the association when it reported to the regulator. It does not mean the deadline was met.",
  clocksCaption: "Deadlines that apply to this incident ({n})",
  clocksNone: "No deadline applies to this incident.",
  dayCountingNote: "Day counting: {mode}",

  "dayCounting.exclude_first_day": "First day not counted (Civil Code Art. 140; default)",
  "dayCounting.include_first_day": "First day counted",
  "dayCountingHint.exclude_first_day":
    "Counting starts the day after the vendor learned of it (e.g. 60 days from 21 April → 20 June).",
  "dayCountingHint.include_first_day":
    "The day the vendor learned of it is day 1 (e.g. 60 days from 21 April → 19 June).",

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
} satisfies Record<keyof typeof ja, string>;
