// Leaves black and grey text out of the seal check's page render: drawing glyphs is most of the cost of rendering a
// page of table text, and a seal is never black. Coloured text (a vector seal's own characters, red table text) and
// text in a pattern colour are drawn as usual.
import type { PDFPageProxy } from 'pdfjs-dist';
import { OPS } from '../pdf/pdfjs.ts';

interface OperatorList { fnArray: number[]; argsArray: unknown[][] }
interface RenderTaskInternals { _operationsFilter?: unknown; operatorList?: OperatorList }
interface IntentState { renderTasks?: Set<RenderTaskInternals> }

const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
/** Channel spread (0..255) up to which a colour is grey: black, greys and near-greys from colour profiles. */
const NEUTRAL_SPREAD = 24;

interface InkState { fillNeutral: boolean; strokeNeutral: boolean }

/**
 * An `operationsFilter` for `page.render`: true for every operator except text shown while both the fill and the
 * stroke colour are neutral. pdf.js hands the filter only an index, so the filter finds its own operator list among
 * the page's render tasks (pdf.js internals); where it cannot, it draws everything, as an unfiltered render would.
 */
export function skipNeutralText(page: PDFPageProxy): (index: number) => boolean {
  // undefined: not looked for yet; null: not found (then everything is drawn, without looking again per operator).
  let list: OperatorList | null | undefined;
  let state: InkState = { fillNeutral: true, strokeNeutral: true };
  const saved: InkState[] = [];
  let seen = -1;
  let lastAnswer = true;
  const filter = (index: number): boolean => {
    if (list === undefined) list = operatorListOf(page, filter);
    if (!list) return true;
    // pdf.js asks again for an operator it paused at (waiting for a font or image): answer as before.
    if (index <= seen) return lastAnswer;
    seen = index;
    const fn = list.fnArray[index];
    const args = list.argsArray[index];
    lastAnswer = true;
    // A form XObject restores the graphics state at its end, as Q does: colours set inside it do not leak out.
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(state);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) state = saved.pop() ?? state;
    else if (fn === OPS.setFillRGBColor) state = { ...state, fillNeutral: isNeutral(args?.[0]) };
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, strokeNeutral: isNeutral(args?.[0]) };
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) state = { ...state, fillNeutral: false };
    else if (fn === OPS.setStrokeColorN || fn === OPS.setStrokeTransparent) state = { ...state, strokeNeutral: false };
    else if (TEXT_OPS.has(fn)) lastAnswer = !(state.fillNeutral && state.strokeNeutral);
    return lastAnswer;
  };
  return filter;
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
