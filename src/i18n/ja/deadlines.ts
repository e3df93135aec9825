/**
 * Strings of the deadlines (vendor promises and statutory clocks) and the day-counting setting. Whose duty
 * a clock is comes from the record (the organisation's own, or the vendors it names): no text assumes the
 * vendor is an insurer or that a vendor owns the duty.
 */
export const deadlines = {
  title: "期限",
  asOf: "{date}時点",
  listSeparator: "・",
  nameSeparator: "、",

  // The overview's panel
  panelTitle: "期限の状況",
  panelLead:
    "超過したものと{days}日以内に来るもの({org}自身の報告・通知、委託先の報告と約束、{board}への報告)",
  countOverdue: "期限超過",
  countDueSoon: "{days}日以内に期限",
  countNotReported: "実施日が未報告・未記録",
  countValue: "{n}件",
  countNotReportedNote:
    "期限を過ぎたが、実施した日が記録にないもの(委託先の義務は未報告、{org}自身の義務は未記録)。「期限内」とはみなしません。",
  panelNone: "期限を超過したもの、{days}日以内に期限が来るものはありません。",
  panelListLabel: "対応が必要な期限",
  panelMore: "ほか{n}件",
  seeAll: "すべての期限を見る",
  noDueDate: "期日の定めなし",
  whoseLabel: "義務者",

  // Days
  daysLeft_other: "あと{n}日",
  daysLate_other: "{n}日超過",
  dueToday: "本日が期限",

  guideline: "目安",
  guidelineTitle:
    "法令は「速やかに」と定めるのみ。ガイドラインの目安(概ね3〜5日)の長い方(5日)で計算しています。",

  // Whose duty
  "owner.organisation": "{org}の義務",
  "owner.vendor": "委託先の義務",
  ownerOrganisationNote: "委託元として",
  vendorUnknown: "委託先(記録に名前なし)",
  caseLabel: "事案",

  // States
  "state.met": "期限内に実施",
  "state.late": "期限後に実施",
  "state.overdue": "期限超過",
  "state.due_soon": "期限間近",
  "state.upcoming": "期限前",
  "state.not_reported": "未報告",
  "state.not_recorded": "未記録",
  "state.done_no_due": "実施済み(期日の定めなし)",

  "missing.start_date.vendor": "委託先が事故を知った日(日付)が報告されていないため、期限を計算できません",
  "missing.start_date.organisation":
    "委託先から{org}に報告があった日(日付)が記録されていないため、期限を計算できません",
  "missing.done_date.vendor": "委託先が実施した日を報告していないため、期限を守ったか判定できません",
  "missing.done_date.organisation": "実施した日が記録されていないため、期限を守ったか判定できません",

  // Rules
  "rule.APPI_PRELIM": "個人情報保護委員会への速報",
  "rule.APPI_FINAL": "個人情報保護委員会への確報",
  "rule.APPI_NOTICE": "本人への通知",
  "rule.INS_FSA_LEAK": "金融庁への漏えい報告(保険業法)",
  "rule.FSA_PLAN": "業務改善計画の提出",
  "rule.BOARD_REPORT": "{board}への報告(3か月ごと)",
  "rule.VENDOR_PROMISE": "委託先の約束・{board}の要求",

  "to.APPI_PRELIM": "個人情報保護委員会(権限が委任されている分野では所管の行政機関)",
  "to.APPI_FINAL": "個人情報保護委員会(権限が委任されている分野では所管の行政機関)",
  "to.APPI_NOTICE": "本人(困難な場合は公表で代替)",
  "to.INS_FSA_LEAK": "金融庁",
  "to.FSA_PLAN": "命令を出した行政機関",
  "to.BOARD_REPORT": "{board}",
  "to.VENDOR_PROMISE": "{org}",

  "start.statutory.vendor": "委託先が事故を知った日",
  "start.statutory.organisation": "委託先から{org}に報告があった日",
  "start.BOARD_REPORT": "前回の{board}への報告",
  "start.BOARD_REPORT.learned": "委託先から{org}に報告があった日({board}への報告は記録にありません)",
  "start.FSA_PLAN": "命令の日",
  "start.VENDOR_PROMISE": "約束・要求の日",

  // Table columns
  colState: "状態",
  colWhat: "内容",
  colRule: "期限の種類",
  colWhose: "義務者",
  colStart: "起算日",
  colDue: "期限",
  colDays: "残り・超過",
  colReported: "実施日",
  colDone: "実施日",
  notDone: "未実施",
  notApplicable: "対象外",
  doneFromRecord: "{org}の記録",
  doneFromVendor: "委託先の報告",

  // The commitments tracker's section
  sectionTitle: "期限:超過・{days}日以内",
  sectionLead:
    "{org}自身の報告・通知の期限、委託先の報告期限と約束した期日、{board}への定期報告の期限。「未報告」は実施した日が記録にないもので、期限を守ったとはみなしません。",
  sectionCaption: "期限超過と{days}日以内の期限({n}件、{date}時点)",
  sectionNone: "期限を超過したもの、{days}日以内に期限が来るものはありません。",
  sectionOthers: "すべての期限を表示(全{n}件:未報告・期限前・実施済みを含む)",
  othersCaption: "すべての期限({n}件)",
  pageShown: "{total}件中{n}件を表示しています(差し迫ったものから)。",
  showEvery: "残りの{n}件も表示する",
  loadingEvery: "読み込み中…",

  // The incident page's clocks
  clocksTitle: "法令上の報告期限と{board}への報告",
  clocksLead:
    "報告・通知の義務者は、漏えい等した個人データが誰のものかで決まります。{org}が委託した個人データなら{org}の義務(委託元として、委託先から報告があった日から数えます)。委託先自身の顧客のデータなら委託先の義務で、{org}は委託先が報告した実施日で確認します。",
  clocksNotApplicable:
    "この事故は個人データの漏えい等ではないため、個人情報保護法の報告期限は適用されません。",
  clocksNotReportedNote:
    "「未報告」は、実施した日が記録にないことを示します(委託先の義務では、委託先が{org}に実施日を報告していないこと)。期限を守ったという意味ではありません。",
  clocksCaption: "この事故に適用される期限({n}件)",
  clocksNone: "この事故に適用される期限はありません。",
  dayCountingNote: "日数の数え方:{mode}",

  // Day counting
  "dayCounting.exclude_first_day": "初日不算入(民法第140条、既定)",
  "dayCounting.include_first_day": "初日算入",
  "dayCountingHint.exclude_first_day": "起算日の翌日から数えます(例:4月21日から60日 → 6月20日)。",
  "dayCountingHint.include_first_day": "起算日を1日目として数えます(例:4月21日から60日 → 6月19日)。",

  // The admin setting
  settingsTitle: "期限の日数の数え方",
  settingsLead: "法令上の期限の計算に使います。変更はすべての期限に反映され、監査記録に残ります。",
  settingsLegend: "日数の数え方",
  settingsSave: "保存する",
  settingsSaved: "保存しました。",
  settingsUnchanged: "現在の設定と同じです。",
  settingsCurrent: "現在の設定:{mode}",
  settingsReadOnly: "この設定は管理者が変更できます。",
  settingsVersion: "版{version}",
} as const;
