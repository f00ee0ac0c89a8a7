// Leaves black and grey text out of the seal check's page render: drawing glyphs is most of the cost of rendering a
// page of table text, and a seal is never black. Coloured text (a vector seal's own characters, red table text),
// text in a pattern colour, and text in a Type3 font (whose glyphs may paint in colours of their own: a seal can be
// one) are drawn as usual. The filter sees every operator, so it also tells whether anything but grey can have
// reached the page: a page of black text and rules needs no look at its pixels, and when its operators were read
// before the render (for the table's rules) it need not be drawn at all.
import type { PDFPageProxy } from 'pdfjs-dist';
import { OPS, TEXT_SHOW_OPS } from '../pdf/pdfjs.ts';

interface OperatorList { fnArray: number[]; argsArray: unknown[][] }
interface RenderTaskInternals { _operationsFilter?: unknown; operatorList?: OperatorList }
interface IntentState { renderTasks?: Set<RenderTaskInternals> }

/** Colours set other than as '#rrggbb' (which pdf.js makes of every device colour): patterns, transparent colours,
 *  and forms pdf.js normally converts. Taken for colour, so text in them is drawn and the pixels are looked at. */
const OTHER_FILL_OPS = new Set<number>([
  OPS.setFillColorN, OPS.setFillTransparent, OPS.setFillColor, OPS.setFillCMYKColor, OPS.setFillGray, OPS.setFillColorSpace,
]);
const OTHER_STROKE_OPS = new Set<number>([
  OPS.setStrokeColorN, OPS.setStrokeTransparent, OPS.setStrokeColor, OPS.setStrokeCMYKColor, OPS.setStrokeGray,
  OPS.setStrokeColorSpace,
]);
/** Operators that paint colours of their own: images and shadings (image masks paint in the fill colour). */
const OWN_COLOUR_OPS = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat,
  OPS.shadingFill, OPS.beginInlineImage, OPS.beginImageData, OPS.paintXObject,
]);
/** Channel spread (0..255) up to which a colour is grey: black, greys and near-greys from colour profiles. */
const NEUTRAL_SPREAD = 24;

interface InkState { fillNeutral: boolean; strokeNeutral: boolean; type3Font: boolean }

export interface NeutralTextFilter {
  /** The `operationsFilter` for `page.render`: false for text shown while both fill and stroke colour are neutral. */
  keep: (index: number) => boolean;
  /** After the render: true when every operator was seen and none can have put anything but grey on the page. */
  neutralOnly: () => boolean;
}

/**
 * pdf.js hands the filter only an index, so the filter finds its own operator list among the page's render tasks
 * (pdf.js internals); where it cannot, it draws everything, as an unfiltered render would, and claims nothing.
 */
export function skipNeutralText(page: PDFPageProxy): NeutralTextFilter {
  // undefined: not looked for yet; null: not found (then everything is drawn, without looking again per operator).
  let list: OperatorList | null | undefined;
  const ink = followInk(page);
  let seen = -1;
  let lastAnswer = true;
  const keep = (index: number): boolean => {
    if (list === undefined) list = operatorListOf(page, keep);
    if (!list) return true;
    // pdf.js asks again for an operator it paused at (waiting for a font or image): answer as before.
    if (index <= seen) return lastAnswer;
    seen = index;
    lastAnswer = ink.step(list.fnArray[index], list.argsArray[index]);
    return lastAnswer;
  };
  return { keep, neutralOnly: () => Boolean(list) && !ink.colourSeen() && seen === list!.fnArray.length - 1 };
}

/** Whether a page's whole operator list, read before any render, can put nothing but grey on the page: the seal
 *  check then need not draw it (the filter above would find the same once the render had drawn it). */
export function paintsOnlyGrey(page: PDFPageProxy, list: { fnArray: number[]; argsArray: unknown[] }): boolean {
  const ink = followInk(page);
  for (let i = 0; i < list.fnArray.length; i++) ink.step(list.fnArray[i], list.argsArray[i] as unknown[] | undefined);
  return !ink.colourSeen();
}

/** Follows a page's operators one at a time: the fill and stroke colours and whether the font is Type3 (kept and
 *  restored with the graphics state), and whether anything but grey can have been painted so far. */
function followInk(page: PDFPageProxy) {
  let state: InkState = { fillNeutral: true, strokeNeutral: true, type3Font: false };
  const saved: InkState[] = [];
  let colourSeen = false;
  return {
    /** Takes one operator; false for text shown in neutral colours, which the seal render leaves out. */
    step(fn: number, args: unknown[] | undefined): boolean {
      let keep = true;
      // A form XObject restores the graphics state at its end, as Q does: colours set inside it do not leak out.
      if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(state);
      else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) state = saved.pop() ?? state;
      else if (fn === OPS.setFillRGBColor) state = { ...state, fillNeutral: isNeutral(args?.[0]) };
      else if (fn === OPS.setStrokeRGBColor) state = { ...state, strokeNeutral: isNeutral(args?.[0]) };
      else if (fn === OPS.setFont) state = { ...state, type3Font: isType3Font(page, args?.[0]) };
      else if (OTHER_FILL_OPS.has(fn)) state = { ...state, fillNeutral: false };
      else if (OTHER_STROKE_OPS.has(fn)) state = { ...state, strokeNeutral: false };
      else if (OWN_COLOUR_OPS.has(fn) || (fn === OPS.setGState && setsTransfer(args))) colourSeen = true;
      else if (TEXT_SHOW_OPS.has(fn)) {
        keep = state.type3Font || !(state.fillNeutral && state.strokeNeutral);
        colourSeen ||= state.type3Font;
      }
      if (!state.fillNeutral || !state.strokeNeutral) colourSeen = true;
      return keep;
    },
    colourSeen: () => colourSeen,
  };
}

/** Whether the font set is a Type3 font. pdf.js has loaded it when it reaches setFont (the operator list waits for
 *  it at the dependency before); a font not found is taken for one, so its text is drawn. */
function isType3Font(page: PDFPageProxy, name: unknown): boolean {
  const fonts = (page as unknown as { commonObjs?: { has(id: string): boolean; get(id: string): unknown } }).commonObjs;
  if (typeof name !== 'string' || !fonts?.has(name)) return true;
  return Boolean((fonts.get(name) as { isType3Font?: boolean } | null)?.isType3Font);
}

/** A transfer function can turn grey into a colour. */
function setsTransfer(args: unknown[] | undefined): boolean {
  const entries = args?.[0];
  return Array.isArray(entries) && entries.some((entry) => Array.isArray(entry) && entry[0] === 'TR');
}

function operatorListOf(page: PDFPageProxy, filter: unknown): OperatorList | null {
  const states = (page as unknown as { _intentStates?: Map<string, IntentState> })._intentStates;
  for (const intent of states?.values() ?? []) {
    for (const task of intent.renderTasks ?? []) {
      if (task._operationsFilter === filter && task.operatorList) return task.operatorList;
    }
  }
  return null;
}

/** pdf.js turns every device colour into '#rrggbb' before it reaches the canvas. */
function isNeutral(colour: unknown): boolean {
  if (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour)) return false;
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
  return Math.max(r, g, b) - Math.min(r, g, b) <= NEUTRAL_SPREAD;
}
