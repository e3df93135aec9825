/**
 * Strings of the administrators' organisation page: the organisation's name and the words every other
 * page takes from it ({org}, {board}, {people}).
 */
export const organisation = {
  title: "組織の設定",
  lead: "組織の名称と、画面の文章で使う呼び方を設定します。ここで決めた名称・会議体の名前・対象者の呼び方が、すべてのページの見出しや文章に入ります。",
  formLabel: "組織の設定",
  version: "第{version}版",
  saved: "組織の設定を保存しました。",
  save: "設定を保存する",
  reset: "入力を取り消す",
  notAllowed: "組織の設定を変更できるのは管理者だけです。",

  secName: "名称",
  fName: "組織の正式名称",
  fNameHint: "印刷した資料や見出しに出る正式な名称です。",
  fShortName: "略称(文中での呼び方)",
  fShortNameHint:
    "文中で組織を指す短い呼び方です(例: 当会、当組合、当社)。「{org}が確認済み」のように、画面の文章に入ります。",
  fBoardName: "会議体の名前",
  fBoardNameHint: "このダッシュボードを見る会議体の名前です(例: 理事会、取締役会、運営委員会)。",

  secRules: "年度と法人形態",
  fFiscalYearStart: "年度の始まる月",
  fFiscalYearStartHint: "年度(例: 2025年度)の区切りに使います。多くの法人は4月です。",
  fLegalForm: "法人形態",
  fLegalFormHint: "法人形態によって、{board}への定期報告の期限を数えるかどうかが決まります。",
  legalFormRule: "この法人形態では、{board}への職務執行の報告(3か月に1回以上)の期限を数えます。根拠: {basis}",
  legalFormNoRule:
    "この法人形態には、{board}への定期報告の間隔を定めた規定がないため、その期限は数えません。",

  secPopulations: "対象者の呼び方",
  populationsLead:
    "事故の影響や是正の対象になる人々を、組織ではどう呼ぶかを登録します(例: 顧客、利用者、組合員、加入者)。人数は呼び方ごとに別々に数え、足し合わせません。",
  populationsDefault: "一番上の呼び方が、画面の文章の「{people}」に入ります。",
  populationItem: "対象者の呼び方 {n}",
  populationName: "呼び方",
  populationOfWhom: "誰の人々か(任意)",
  populationOfWhomHint:
    "他の組織の顧客など、組織自身の人々でない場合に、その持ち主を書きます(例: 委託元の企業名)。空欄なら組織自身の人々です。",
  populationAdd: "呼び方を追加",
  populationsEmpty: "呼び方が1つもありません。少なくとも1つ必要です。",

  secVendorKinds: "委託先の種類",
  vendorKindsLead:
    "委託先を分類する種類の一覧です。名前の変更や追加ができます。委託先の登録画面の選択肢になります。",
  vendorKindItem: "委託先の種類 {n}",
  vendorKindName: "種類の名前",
  vendorKindAdd: "種類を追加",
  vendorKindsEmpty: "種類が1つもありません。少なくとも1つ必要です。",

  remove: "削除",
  removeNamed: "{name}を削除",
  moveUp: "上へ",
  moveUpNamed: "{name}を上へ移動",
  moveDown: "下へ",
  moveDownNamed: "{name}を下へ移動",
  undoRemove: "削除を取り消す",
  undoRemoveNamed: "{name}の削除を取り消す",
  removedPending: "保存すると削除されます",
  unnamed: "(名前未入力)",
  inUse: "記録の中で使われているため削除できません。「削除を取り消す」を押してください。",
  newEntry: "新規",
} as const;
