// Reads an RTF file (Word and WPS open one named .doc without a word; office systems export their forms so) into
// paragraphs and tables. Text comes as \uN escapes or as code-page bytes (\'hh): Chinese Word writes GBK bytes under a
// font whose \fcharset is 134, whatever the document's \ansicpg. A table row is its cells' text between \cell marks,
// ended by \row, laid out by the \cellx edges and \clvmrg merges of its \trowd, as a legacy .doc row is.
import type { RowTap } from './doc-row-tap.ts';
import { spanDocTable } from './doc-cell-spans.ts';
import { cellOf, type BlockCell, type WordBlock } from './word-blocks.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** Groups nested deeper than any editor writes: a hostile file. */
const MAX_DEPTH = 1000;
/** Destinations whose text is not the document's body. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer',
  'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl',
  'generator', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'fldinst', 'pgdsctbl',
  'shpinst', 'nonshppict', 'template', 'txe', 'xe', 'tc',
]);
/** \fcharset values to the encodings TextDecoder knows (RTF 1.9.1, \fcharset). */
const CHARSETS: Record<number, string> = { 128: 'shift_jis', 129: 'euc-kr', 134: 'gbk', 136: 'big5', 161: 'windows-1253', 162: 'windows-1254', 177: 'windows-1255', 178: 'windows-1256', 186: 'windows-1257', 204: 'windows-1251', 222: 'windows-874', 238: 'windows-1250' };
const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', tab: '\t', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”',
  bullet: '•', emspace: ' ', enspace: ' ', qmspace: ' ',
};

interface GroupState {
  skip: boolean;
  unicodeSkip: number;
  font: number;
  /** The font of double-byte characters: the \af after \dbch (Word names East Asian text's font so). */
  dbchFont: number;
  associatedIsDbch: boolean;
}

/** The text of an RTF file as blocks; WordReadError when it is not one this reader can follow. */
export function rtfToBlocks(bytes: Buffer): WordBlock[] {
  const reader = new RtfReader(bytes);
  reader.read();
  return reader.blocks;
}

class RtfReader {
  readonly blocks: WordBlock[] = [];
  private at = 0;
  private state: GroupState = { skip: false, unicodeSkip: 1, font: -1, dbchFont: -1, associatedIsDbch: false };
  private readonly stack: GroupState[] = [];
  /** Code page of \'hh bytes outside a font with its own charset. */
  private codePage = 'windows-1252';
  private readonly fontCharsets = new Map<number, string>();
  /** Group depth of the font table while it is read, and the font its entry is defining. */
  private fontTableDepth: number | null = null;
  private definingFont = -1;
  private pendingBytes: number[] = [];
  private text = '';
  private inTable = false;
  private cells: BlockCell[] = [];
  private edges: number[] = [];
  private mergedUp: boolean[] = [];
  private leftEdge = 0;
  private nextMergedUp = false;
  private table: { rows: BlockCell[][]; taps: (RowTap | null)[] } | null = null;
  /** Characters still to drop after a \uN: its fallback for readers without Unicode. */
  private dropping = 0;

  constructor(private readonly bytes: Buffer) {}

  read(): void {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at];
      if (byte === 0x7b) { this.open(); this.at++; }
      else if (byte === 0x7d) { this.close(); this.at++; }
      else if (byte === 0x5c) this.control();
      else {
        this.at++;
        if (byte !== 0x0d && byte !== 0x0a) this.byte(byte);
      }
    }
    this.endParagraph();
    this.endTable();
  }

  private open(): void {
    if (this.stack.length >= MAX_DEPTH) throw new WordReadError(WORD_REASONS.corrupt);
    this.flushBytes();
    this.stack.push({ ...this.state });
  }

  private close(): void {
    this.flushBytes();
    this.state = this.stack.pop() ?? this.state;
    if (this.fontTableDepth !== null && this.stack.length < this.fontTableDepth) this.fontTableDepth = null;
    this.dropping = 0;
  }

  private control(): void {
    const { bytes } = this;
    const next = bytes[this.at + 1];
    if (next === undefined) { this.at++; return; }
    if (next === 0x27) { // \'hh: a byte of the code page
      const hex = bytes.toString('latin1', this.at + 2, this.at + 4);
      this.at += 4;
      if (/^[0-9a-fA-F]{2}$/.test(hex)) this.byte(Number.parseInt(hex, 16));
      return;
    }
    if (!isLetter(next)) {
      this.at += 2;
      const symbol = String.fromCharCode(next);
      if (symbol === '*') this.state.skip = true; // an optional destination this reader does not know
      else if (symbol === '\n' || symbol === '\r') this.word('par', null);
      else if (symbol === '~') this.char(' ');
      else if (symbol === '_') this.char('-');
      else if (symbol === '\\' || symbol === '{' || symbol === '}') this.char(symbol);
      return;
    }
    let end = this.at + 1;
    while (end < bytes.length && isLetter(bytes[end]) && end - this.at <= 32) end++;
    const name = bytes.toString('latin1', this.at + 1, end);
    let numberEnd = end;
    if (bytes[numberEnd] === 0x2d) numberEnd++;
    while (numberEnd < bytes.length && bytes[numberEnd] >= 0x30 && bytes[numberEnd] <= 0x39 && numberEnd - end < 11) numberEnd++;
    const digits = bytes.toString('latin1', end, numberEnd);
    const parameter = /\d/.test(digits) ? Number.parseInt(digits, 10) : null;
    this.at = bytes[numberEnd] === 0x20 ? numberEnd + 1 : numberEnd;
    if (name === 'bin' && parameter !== null && parameter > 0) { this.at += parameter; return; }
    this.word(name, parameter);
  }

  private word(name: string, parameter: number | null): void {
    if (name === 'fonttbl') this.fontTableDepth = this.stack.length;
    if (this.fontTableDepth !== null) this.fontTable(name, parameter);
    if (SKIPPED.has(name)) this.state.skip = true;
    if (this.state.skip) return;
    switch (name) {
      case 'ansicpg': this.codePage = parameter === 936 ? 'gbk' : parameter === 950 ? 'big5' : parameter === 65001 ? 'utf-8' : `windows-${parameter}`; return;
      case 'uc': this.state.unicodeSkip = Math.max(parameter ?? 1, 0); return;
      case 'u': this.unicode(parameter); return;
      case 'f': this.flushBytes(); this.state.font = parameter ?? -1; return;
      case 'dbch': this.state.associatedIsDbch = true; return;
      case 'loch': case 'hich': this.state.associatedIsDbch = false; return;
      case 'af': if (this.state.associatedIsDbch) { this.flushBytes(); this.state.dbchFont = parameter ?? -1; } return;
      case 'pard': this.inTable = false; return;
      case 'intbl': this.inTable = true; return;
      case 'trowd': this.edges = []; this.mergedUp = []; this.leftEdge = 0; this.nextMergedUp = false; return;
      case 'trleft': this.leftEdge = parameter ?? 0; return;
      case 'clvmrg': this.nextMergedUp = true; return;
      case 'cellx': this.edges.push(parameter ?? 0); this.mergedUp.push(this.nextMergedUp); this.nextMergedUp = false; return;
      case 'cell': this.endCell(); return;
      case 'nestcell': this.char(' '); return;
      case 'nestrow': this.char('\n'); return;
      case 'row': this.endRow(); return;
      case 'par': if (!this.inTable) { this.endParagraph(); return; } break;
    }
    const symbol = SYMBOLS[name];
    if (symbol) this.char(symbol);
  }

  /** Inside {\fonttbl}: each \fN ... \fcharsetM gives font N its charset. */
  private fontTable(name: string, parameter: number | null): void {
    if (name === 'f') this.definingFont = parameter ?? -1;
    else if (name === 'fcharset' && parameter !== null && CHARSETS[parameter]) this.fontCharsets.set(this.definingFont, CHARSETS[parameter]);
  }

  private unicode(parameter: number | null): void {
    if (parameter === null) return;
    this.char(String.fromCharCode(parameter < 0 ? parameter + 0x10000 : parameter));
    this.dropping = this.state.unicodeSkip;
  }

  private byte(byte: number): void {
    if (this.state.skip) return;
    if (this.dropping > 0) { this.dropping--; return; }
    this.pendingBytes.push(byte);
  }

  private flushBytes(): void {
    if (this.pendingBytes.length === 0) return;
    // Lead bytes of GBK or Big5 are double-byte characters, in the \dbch font when Word names one.
    const { fontCharsets } = this;
    const encoding = fontCharsets.get(this.state.dbchFont) ?? fontCharsets.get(this.state.font) ?? this.codePage;
    const bytes = Uint8Array.from(this.pendingBytes);
    this.pendingBytes = [];
    let decoded: string;
    try { decoded = new TextDecoder(encoding).decode(bytes); } catch { decoded = new TextDecoder('windows-1252').decode(bytes); }
    this.text += decoded;
  }

  private char(text: string): void {
    if (this.state.skip) return;
    if (this.dropping > 0) { this.dropping--; return; }
    this.flushBytes();
    this.text += text;
  }

  private takeText(): string {
    this.flushBytes();
    const text = this.text;
    this.text = '';
    return text;
  }

  private endParagraph(): void {
    const text = this.takeText();
    if (!text.trim()) return;
    this.endTable();
    this.blocks.push({ kind: 'text', text });
  }

  private endCell(): void {
    this.cells.push(cellOf(this.takeText().replace(/\n+$/, '')));
  }

  private endRow(): void {
    this.takeText();
    this.table ??= { rows: [], taps: [] };
    const edges = [this.leftEdge, ...this.edges];
    const ordered = edges.every((edge, i) => i === 0 || edge > edges[i - 1]);
    this.table.rows.push(this.cells);
    this.table.taps.push(ordered ? { edges, mergedUp: this.mergedUp } : null);
    this.cells = [];
  }

  private endTable(): void {
    if (!this.table) return;
    this.blocks.push({ kind: 'table', rows: spanDocTable(this.table.rows, this.table.taps) });
    this.table = null;
  }
}

const isLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
