// A page's drawing operators are asked of pdf.js once and used twice: by the table's rules and by the seal check's
// render. pdf.js keeps the list it hands out (getOperatorList) apart from the one a render asks for, so a render
// after readRules would have the worker parse the page again: about 14 ms a page, a sixth of a filing's CPU.
import type { PDFPageProxy } from 'pdfjs-dist';
import { AnnotationMode } from './pdfjs.ts';

export type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

interface IntentState { displayReadyCapability?: unknown; operatorList?: OperatorList; renderTasks?: Set<unknown> }
interface PageInternals {
  _intentStates?: Map<string, IntentState>;
  _transport?: { getRenderingIntent?(intent: string, annotationMode: number, storage: null, isEditing: boolean): { cacheKey: string } };
}

/** Operator lists fetched and not yet drawn, per page proxy (pdf.js hands out one proxy per page of a document). */
const fetched = new WeakMap<PDFPageProxy, OperatorList>();

/** The page's operators as a render draws them (pdf.js's defaults: display intent, annotations drawn). */
export async function pageOperators(page: PDFPageProxy): Promise<OperatorList> {
  const list = await page.getOperatorList();
  fetched.set(page, list);
  return list;
}

/** The list fetched for this page and not yet drawn, given out once: the page's clean-up after a render drops the
 * pictures the list refers to, so it is good for one render only. */
export function takeFetchedOperators(page: PDFPageProxy): OperatorList | undefined {
  const list = fetched.get(page);
  fetched.delete(page);
  return list;
}

/**
 * Before `page.render`: hands the render a list taken with takeFetchedOperators, as if the worker had just sent it,
 * so pdf.js does not ask for it again. Where pdf.js's internals are not as expected, nothing is done and the render
 * asks the worker as usual.
 */
export function drawOperatorList(page: PDFPageProxy, list: OperatorList): void {
  const internals = page as unknown as PageInternals;
  const intent = internals._transport?.getRenderingIntent?.('display', AnnotationMode.ENABLE, null, false);
  if (!intent || !internals._intentStates || internals._intentStates.has(intent.cacheKey)) return;
  // The page's transparency is only known from the worker's render reply; false draws straight onto the canvas.
  const displayReadyCapability = { promise: Promise.resolve(false), resolve() {}, reject() {} };
  internals._intentStates.set(intent.cacheKey, { displayReadyCapability, operatorList: list, renderTasks: new Set() });
}
