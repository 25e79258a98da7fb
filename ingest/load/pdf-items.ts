/**
 * Placing pdf.js text items on the page as the reader sees it: through the viewport transform (so /Rotate
 * is honoured) and, for text set at an angle, in that text's own frame so that it still reads left to right.
 */

/** The fields of a pdf.js `TextItem` the layout needs; a structural type keeps the layout testable. */
export interface RawTextItem {
  str: string;
  /** Text-space to user-space matrix [a, b, c, d, e, f]. */
  transform: number[];
  /** Advance width in user-space units along the text direction. */
  width: number;
}

/** A run of text placed in a frame where it reads left to right and y grows downwards. */
export interface PlacedText {
  text: string;
  /** Left edge. */
  x: number;
  /** Right edge (x + advance width). */
  right: number;
  /** Baseline. */
  y: number;
  /** Font size in page units. */
  size: number;
}

/** Items that share one text direction, placed in that direction's frame. */
export interface PlacedGroup {
  /** Text direction in whole degrees, clockwise on the page; 0 is ordinary horizontal text. */
  angle: number;
  items: PlacedText[];
}

// Italic shear and tiny baseline tilts from scanners should not split a page into direction groups.
const ANGLE_TOLERANCE_DEGREES = 2;

/** Multiplies two PDF matrices: the result maps through `inner` first, then `outer`. */
export function multiplyMatrix(outer: readonly number[], inner: readonly number[]): number[] {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = outer;
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

function roundedAngle(a: number, b: number): number {
  const degrees = (Math.atan2(b, a) * 180) / Math.PI;
  const rounded = Math.round(degrees);
  if (Math.abs(degrees) < ANGLE_TOLERANCE_DEGREES) return 0;
  return rounded === -180 ? 180 : rounded;
}

/** Rotates a device-space point into the frame of text running at `angle` degrees. */
function toTextFrame(x: number, y: number, angle: number): { x: number; y: number } {
  if (angle === 0) return { x, y };
  const radians = (angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return { x: x * cos + y * sin, y: -x * sin + y * cos };
}

/**
 * Places the non-blank items of a page through the viewport transform and groups them by text direction,
 * horizontal text first, the other directions in order of first appearance.
 */
export function placeItems(items: readonly RawTextItem[], viewportTransform: readonly number[]): PlacedGroup[] {
  const groups = new Map<number, PlacedText[]>([[0, []]]);
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiplyMatrix(viewportTransform, item.transform);
    const size = Math.hypot(c, d);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    const angle = roundedAngle(a, b);
    const origin = toTextFrame(e, f, angle);
    const width = Number.isFinite(item.width) ? Math.abs(item.width) : 0;
    const placed = { text: item.str, x: origin.x, right: origin.x + width, y: origin.y, size };
    const group = groups.get(angle);
    if (group) group.push(placed);
    else groups.set(angle, [placed]);
  }
  return [...groups].map(([angle, placed]) => ({ angle, items: placed })).filter((group) => group.items.length > 0);
}
