// Short Chinese names of the verdict codes, for the ledger's columns and the digest (the full texts are in the
// replies); an unlisted code shows as itself.
const LABELS: Record<string, string> = {
  LATE: '逾期报送',
  MISSING_PDF: '缺盖章PDF',
  MISSING_WORD: '缺Word版',
  NO_STAMP: '未盖公章',
  UNREADABLE_ATTACHMENT: '附件无法打开',
  NO_TABLE: '无推荐表',
  UNKNOWN_UNIT: '单位无法识别',
  UNKNOWN_SECTION: '版块不符',
  UNKNOWN_COLUMN: '栏目不符',
  MISSING_FIELD: '必填项缺失',
  DUPLICATE_TITLE: '标题重复',
  QUOTA_SHORTFALL: '条数不足',
  PDF_WORD_MISMATCH: 'PDF与Word不一致',
  UNREGISTERED_SENDER: '发件地址未登记',
  CONTACT_INFO: '含联系方式',
  UNKNOWN_FORMAT: '格式不明',
  MISSING_CONTACT: '联系人/电话未填',
  RESUBMISSION: '重新报送',
  SENDER_NOT_AUTHENTICATED: '发件人未通过验证',
  ACCEPTED_FILING_STANDS: '已受理版本仍有效',
  AUTO_GENERATED: '自动邮件',
  NOT_A_SUBMISSION: '非报送邮件',
};

export function codeLabel(code: string): string {
  return LABELS[code] ?? code;
}

const DECISION_LABELS: Record<string, string> = { accept: '受理', reject: '退回', ignore: '忽略' };

/** 受理 / 退回 / 忽略. */
export function decisionLabel(decision: string): string {
  return DECISION_LABELS[decision] ?? decision;
}
