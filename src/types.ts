// Shared shapes that flow between the pipeline stages: email -> attachments -> findings -> verdict.

/** One campaign, as loaded from a rules file under rules/ (see rules/campaign.schema.json). */
export interface Campaign {
  id: string;
  name: string;
  /** authServIds: the names the mailbox's receiving server signs its Authentication-Results with (RFC 8601). */
  collector: { name: string; mailbox: string; contacts: string[]; phone: string; authServIds?: string[] };
  deadline: { date: string; timeZone: string };
  campaignWords: string[];
  form: FormSpec;
  sections: SectionSpec[];
  units: UnitSpec[];
  formats: string[];
}

export type FieldKey =
  | 'seq' | 'title' | 'producer' | 'section' | 'column' | 'copyright' | 'format' | 'summary' | 'remark';

export interface ColumnSpec {
  key: FieldKey;
  header: string;
  aliases?: string[];
  required?: boolean;
}

export interface FormSpec {
  title: string;
  /** The labels of the line above the table (the first named in messages), and other labels counties type. */
  headerLine: { unit: string; contact: string; phone: string; aliases?: { unit?: string[]; contact?: string[]; phone?: string[] } };
  notesMarker: string;
  minHeaderMatches: number;
  columns: ColumnSpec[];
}

export interface SectionSpec { name: string; aliases?: string[]; columns: string[] }

export interface UnitSpec {
  name: string;
  quota: number;
  aliases: string[];
  patterns?: string[];
  /** The unit's institutions file on their own (市直学校): one institution's filing replaces only its own. */
  separateFilers?: boolean;
  senders: string[];
}

/** An attachment as it came off the email, name already decoded. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Address { address: string; name: string }

/** What the pipeline needs to know about one email. */
export interface Email {
  messageId: string;
  from: Address | null;
  /** The first Reply-To address, lower-cased, where there is one. */
  replyTo?: string;
  to: Address[];
  subject: string;
  text: string;
  receivedAt: Date;
  /** Lower-cased header name -> raw (unfolded) value, for the auto-reply checks. */
  headers: Record<string, string>;
  /** Every Authentication-Results header, topmost first, unfolded: which to believe is the sender check's to say. */
  authResults: string[];
  /** Content types of every MIME part, to spot delivery-status reports. */
  partTypes: string[];
  attachments: Attachment[];
}

/** One filled row of the recommendation table, cells keyed by column. */
export interface FormRow {
  cells: Partial<Record<FieldKey, string>>;
}

/** The 填表单位 / 联系人 / 联系电话 line above the table. */
export interface FormHeader { unit: string; contact: string; phone: string }

/** What one Word attachment held. */
export type WordReading =
  | { file: string; ok: true; hasTable: boolean; header: FormHeader; rows: FormRow[] }
  | { file: string; ok: false; reason: string };

/** A seal found on a PDF page; box is [x, y, width, height] in PDF points from the top-left of the page. */
/** A seal found: `box` is [x, y, width, height] in PDF points from the top-left corner of the page as it is shown
 *  (its /Rotate applied); `score` is 0.5 at the bar for a seal and 1 for a full, clean ring. */
export interface StampFinding { file: string; page: number; box: [number, number, number, number]; score: number }

/** What one PDF attachment held. `titles` is null when the PDF has no text-layer table (e.g. a scan). */
export type PdfReading =
  | { file: string; ok: true; pages: number; hasTextLayer: boolean; titles: string[] | null }
  | { file: string; ok: false; reason: string };

export interface Finding {
  code: string;
  message: string;
  row?: number;
  file?: string;
}

export interface Resource {
  seq: number;
  title: string;
  producer: string;
  section: string;
  column: string;
  copyright: string;
  format: string;
  summary: string;
  remark: string;
}

/** A 网盘 share link found in the email body or the table, with the 提取码 written next to it. */
export interface ShareLink { url: string; code: string | null; where: string }

export type Decision = 'accept' | 'reject' | 'ignore';

export interface Reply { to: string; subject: string; text: string; html: string }

export interface Verdict {
  file?: string;
  messageId: string;
  /** Sender address and subject as read (extra to the contract, for the ledger). */
  from: string;
  subject: string;
  decision: Decision;
  unit: string | null;
  /** Extra to the contract: for a unit whose institutions file on their own, the institution that filed (the name
   *  its pattern matched, else the sender's address), whose earlier filing alone this one replaces; else null. */
  filer: string | null;
  /** The form's 填表单位 / 联系人 / 联系电话 line, as typed (null without a table). */
  form: FormHeader | null;
  receivedAt: string;
  errors: Finding[];
  warnings: Finding[];
  resources: Resource[];
  countsBySection: Record<string, number>;
  stamps: StampFinding[];
  /** Extra to the contract: the 网盘 links the resources were sent by, for the staff who fetch them (absent in
   *  verdicts the ledger recorded before it was added). */
  shareLinks?: ShareLink[];
  reply: Reply | null;
}
