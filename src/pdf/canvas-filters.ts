// Soft masks for pdf.js under Node. In a browser pdf.js shapes a soft mask (ExtGState /SMask) with an SVG filter set
// as the canvas's `filter`; under Node it has no filter and draws the masked object as its whole rectangle, so a seal
// shaped by a luminosity mask (vector tools' opacity masks) came out as a red square. These two factories, handed to
// pdf.js's getDocument, give it the same filters: a named filter from the filter factory, applied by the canvases'
// drawImage, which is where pdf.js uses it (drawing the mask onto the masked layer with `destination-in`).
import { createCanvas, ImageData, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';

/** What a mask filter does to one pixel's alpha: luminosity to alpha (0.3 R + 0.59 G + 0.11 B, as pdf.js's own
 * filter), then the mask's transfer function if it has one. */
interface MaskFilter {
  luminosity: boolean;
  /** 256 entries, 0-255: the soft mask's /TR. */
  transfer?: ArrayLike<number>;
}

const maskFilters = new Map<string, MaskFilter>();
let lastFilterId = 0;

/** pdf.js's filter factory, with the two filters soft masks need; the others stay "none" as in pdf.js's Node one. */
export class MaskFilterFactory {
  /** Per transfer map (or per kind without one) the name already given, as pdf.js's DOM factory caches them. */
  #names = new Map<unknown, string>();

  addFilter(): string {
    return 'none';
  }
  addHCMFilter(): string {
    return 'none';
  }
  addHighlightHCMFilter(): string {
    return 'none';
  }
  addAlphaFilter(transfer?: ArrayLike<number>): string {
    return transfer ? this.#name(transfer, { luminosity: false, transfer }) : 'none';
  }
  addLuminosityFilter(transfer?: ArrayLike<number>): string {
    return this.#name(transfer ?? 'luminosity', { luminosity: true, transfer });
  }
  destroy(): void {
    for (const name of this.#names.values()) maskFilters.delete(name);
    this.#names.clear();
  }

  #name(key: unknown, filter: MaskFilter): string {
    let name = this.#names.get(key);
    if (!name) {
      name = `url(#intake-mask-${++lastFilterId})`;
      this.#names.set(key, name);
      maskFilters.set(name, filter);
    }
    return name;
  }
}

interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

/** pdf.js's canvas factory for its scratch canvases (soft-mask layers among them), whose contexts apply mask filters. */
export class MaskingCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = createCanvas(width, height);
    return { canvas, context: applyMaskFilters(canvas.getContext('2d')) };
  }
  reset(target: CanvasAndContext, width: number, height: number): void {
    if (!target.canvas) throw new Error('Canvas is not specified');
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    // Setting the size resets the context's state, the filter with it.
    if (target.context) forgetFilters.get(target.context)?.();
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: CanvasAndContext): void {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = 0;
    target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

type Drawable = Canvas | Image;

/** Per patched context: drops its held filter and saved states, as a canvas's resize does. */
const forgetFilters = new WeakMap<SKRSContext2D, () => void>();

function nativeFilterProperty(context: SKRSContext2D): PropertyDescriptor {
  for (let o: object | null = context; o; o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertyDescriptor(o, 'filter');
    if (found) return found;
  }
  throw new Error('canvas context has no filter property');
}

/** A mask filter set as `filter` is held here, not given to the canvas (which would ignore it), and applied by
 * drawImage while it is set. Any other filter goes to the canvas as before. */
function applyMaskFilters(context: SKRSContext2D): SKRSContext2D {
  const native = nativeFilterProperty(context);
  const nativeDraw = context.drawImage.bind(context) as (image: Drawable, ...place: number[]) => void;
  const masks = new MaskCache();
  let pending: { name: string; filter: MaskFilter } | undefined;
  Object.defineProperty(context, 'filter', {
    configurable: true,
    get: () => pending?.name ?? native.get!.call(context),
    set: (value: string) => {
      const filter = maskFilters.get(value);
      pending = filter && { name: value, filter };
      native.set!.call(context, filter ? 'none' : value);
    },
  });
  // The filter is part of the state that save and restore keep, as on a browser's canvas.
  const saved: (typeof pending)[] = [];
  const nativeSave = context.save.bind(context);
  const nativeRestore = context.restore.bind(context);
  context.save = () => {
    saved.push(pending);
    nativeSave();
  };
  context.restore = () => {
    if (saved.length) pending = saved.pop();
    nativeRestore();
  };
  forgetFilters.set(context, () => {
    pending = undefined;
    saved.length = 0;
  });
  context.drawImage = ((image: Drawable, ...place: number[]) => {
    if (!pending) return nativeDraw(image, ...place);
    const { filter } = pending;
    const [sx, sy, sw, sh] = place.length === 8 ? place : [0, 0, image.width, image.height];
    const to = place.length === 8 ? place.slice(4) : place.length === 4 ? place : [place[0], place[1], sw, sh];
    const width = Math.max(1, Math.ceil(sw));
    const height = Math.max(1, Math.ceil(sh));
    const { masked, left, top } = masks.get(image, filter, sx, sy, width, height);
    nativeDraw(masked, left, top, width, height, to[0], to[1], to[2], to[3]);
  }) as typeof context.drawImage;
  return context;
}

/** A filtered mask, and where in it the rectangle asked for is. */
interface MaskPart { masked: Canvas; left: number; top: number }

/** The last mask one context drew, filtered whole and kept while its source pixels stay the same: in soft-mask mode
 * pdf.js draws the same mask again after every drawing operation (every text block, every path), each time the part
 * under what that operation drew. */
class MaskCache {
  #last?: { source: Canvas; filter: MaskFilter; pixels: Buffer; masked: Canvas };

  get(image: Drawable, filter: MaskFilter, sx: number, sy: number, width: number, height: number): MaskPart {
    const left = Math.floor(sx);
    const top = Math.floor(sy);
    if (!('data' in image) || left < 0 || top < 0 || left + width > image.width || top + height > image.height) {
      // An image, or a rectangle reaching past the canvas (transparent there, as for pdf.js): drawn out and
      // filtered alone.
      const part = createCanvas(width, height);
      part.getContext('2d').drawImage(image, sx, sy, width, height, 0, 0, width, height);
      return { masked: maskCanvas(part.data(), width, height, filter), left: 0, top: 0 };
    }
    const pixels = image.data();
    const last = this.#last;
    if (!last || last.source !== image || last.filter !== filter || !last.pixels.equals(pixels)) {
      const masked = maskCanvas(pixels, image.width, image.height, filter);
      this.#last = { source: image, filter, pixels: Buffer.from(pixels), masked };
    }
    return { masked: this.#last!.masked, left, top };
  }
}

/** Premultiplied RGBA pixels with the filter applied: black, its alpha from the mask. */
function maskCanvas(pixels: Buffer, width: number, height: number, filter: MaskFilter): Canvas {
  const words = pixels.byteOffset % 4 === 0
    ? new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length >> 2)
    : new Uint32Array(Uint8Array.from(pixels).buffer);
  const out = new ImageData(width, height);
  const alphaOut = new Uint32Array(out.data.buffer);
  const luminosity = filter.luminosity;
  const transfer = filter.transfer;
  for (let i = 0; i < width * height; i++) {
    const p = words[i];
    // Little-endian words: R in the low byte, A in the high one. Colours are premultiplied, so a mask pixel drawn
    // partly transparent counts over black, the PDF's default backdrop.
    let alpha = luminosity ? (77 * (p & 255) + 151 * ((p >>> 8) & 255) + 28 * ((p >>> 16) & 255) + 128) >> 8 : p >>> 24;
    if (transfer) alpha = transfer[alpha];
    alphaOut[i] = alpha << 24;
  }
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(out, 0, 0);
  return canvas;
}
