// Sorts rendered pixels by colour: the paper's own colour, seal-red ink (red through dark red to slightly magenta),
// and whether the page holds any colour at all (a grey-scale scan has lost the red of its seal).

export type Rgb = [number, number, number];

/** How strong a colour must be to count as red ink: at least `minChroma` (max - min channel, 0..255) on white paper,
 *  and `overPaper` more chroma than the paper, so pink or tinted paper is not taken for ink. */
export interface InkBar { minChroma: number; overPaper: number }
export const USUAL_INK: InkBar = { minChroma: 38, overPaper: 30 };
/** A faded impression: a dark red stamped with little ink (a third of its colour) comes out greyish pink, chroma 36-43
 *  on white paper. Looked for only where the usual bar found no seal, since pale red rules and pink tints pass it. */
export const FAINT_INK: InkBar = { minChroma: 30, overPaper: 24 };
/** Ink brighter than black: red printed under black text goes near-black and is not evidence. */
const MIN_INK_VALUE = 80;
/** Hue window in degrees around red: negative is towards magenta, positive towards orange. */
const HUE_MAGENTA = -48;
const HUE_ORANGE = 24;
/** Any hue counts for "the page has colour" above this chroma. */
const COLOUR_CHROMA = 40;
/** Channel spread still counted as neutral grey: rounding in decoding and scaling. */
const GREY_TOLERANCE = 1;
/** Share of a grey page that may carry colour of other hues than red: a scan app's 6 mm logo is 0.05 % of an A4 page. */
const MAX_OTHER_COLOUR = 0.0015;
/** Text and lines: a page with less of its area this dark is blank. */
const DARK = 128;
const MIN_DARK = 0.001;

/** The paper is at least this bright against the brightest tenth of the page: a photo's light falls off across the
 *  sheet; a wooden desk around it is about 0.4 of the paper's brightness, a grey one about 0.5. */
export const PAPER_BRIGHTNESS = 0.62;

/** The paper colour: the most common colour (4 bits a channel), sampled on a sparse grid, of those bright enough to be
 *  paper (a photo of the sheet on a desk may show more desk than paper). */
export function paperColour(data: Uint8ClampedArray, width: number, height: number): Rgb {
  const bins = new Uint32Array(4096);
  const lumas = new Uint32Array(256);
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 40_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * 4;
      bins[((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4)]++;
      lumas[Math.round(luma(data[i], data[i + 1], data[i + 2]))]++;
    }
  }
  const bar = PAPER_BRIGHTNESS * quantile(lumas, 0.9);
  const centre = (b: number): Rgb => [((b >> 8) << 4) + 8, (((b >> 4) & 15) << 4) + 8, ((b & 15) << 4) + 8];
  let best = -1;
  for (let b = 0; b < bins.length; b++) {
    if (bins[b] > (best < 0 ? 0 : bins[best]) && luma(...centre(b)) >= bar) best = b;
  }
  return centre(Math.max(0, best));
}

export function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** The value below which `share` of a histogram's counts lie. */
function quantile(counts: Uint32Array, share: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  for (let v = 0, seen = 0; v < counts.length; v++) {
    seen += counts[v];
    if (seen >= share * total) return v;
  }
  return counts.length - 1;
}

/** Largest gain a channel is given to make the paper white: more would only amplify the noise of a dark page. */
const MAX_PAPER_GAIN = 1.6;

/** 1 where a pixel is seal-red ink against this paper, else 0. Colours are first seen as if the paper were white
 *  (each channel scaled by the paper's brightest over its own), unless told not to: a photo taken under warm or cool
 *  light, or a scan with its white balance off, tints the paper and shifts a seal's red towards orange or grey by as
 *  much. */
export function redInkMask(
  data: Uint8ClampedArray, width: number, height: number, paper: Rgb, takeOutCast = true, bar = USUAL_INK,
): Uint8Array {
  const white = Math.max(...paper);
  const [gr, gg, gb] = paper.map((c) => (takeOutCast ? Math.min(MAX_PAPER_GAIN, white / Math.max(1, c)) : 1));
  const balanced = paper.map((c, k) => c * [gr, gg, gb][k]);
  const paperChroma = Math.max(...balanced) - Math.min(...balanced);
  const minChroma = Math.max(bar.minChroma, paperChroma + bar.overPaper);
  const mask = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < mask.length; p++, i += 4) {
    const r = data[i] * gr, g = data[i + 1] * gg, b = data[i + 2] * gb;
    if (r < MIN_INK_VALUE || r < g || r < b) continue;
    const chroma = r - Math.min(g, b);
    if (chroma >= minChroma && sealHue(g, b, chroma)) mask[p] = 1;
  }
  return mask;
}

/** Whether a colour whose strongest channel is red (chroma over 0) has a seal's hue: red through slightly magenta. */
function sealHue(g: number, b: number, chroma: number): boolean {
  const hue = (60 * (g - b)) / chroma;
  return hue >= HUE_MAGENTA && hue <= HUE_ORANGE;
}

/** True for a grey-scale render of something (a blank page holds no seal): nearly all pixels exactly neutral (a colour
 *  scan of a black-and-white page still carries paper tint and per-channel sensor noise), hardly any red, and other
 *  colours only in a small patch (a scan app's logo, printed on the black-and-white pages it makes). */
export function isColourless(data: Uint8ClampedArray, width: number, height: number): boolean {
  let coloured = 0, reddish = 0, tinted = 0, dark = 0, seen = 0;
  for (let i = 0; i < width * height * 4; i += 8) {
    seen++;
    const r = data[i], g = data[i + 1], b = data[i + 2];
    const max = Math.max(r, g, b);
    const chroma = max - Math.min(r, g, b);
    if (max < DARK) dark++;
    if (chroma > GREY_TOLERANCE) tinted++;
    if (chroma < COLOUR_CHROMA) continue;
    coloured++;
    if (r === max && sealHue(g, b, chroma)) reddish++;
  }
  // A few stray red pixels (JPEG fringes) do not make a colour page.
  return dark >= seen * MIN_DARK && reddish <= seen * 0.0002 && coloured <= seen * MAX_OTHER_COLOUR && tinted <= seen * 0.02;
}
