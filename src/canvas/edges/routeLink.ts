// Where a connection runs: from the source's right side to the target's left side without
// crossing other stickies. The usual curve when it is clear; otherwise an orthogonal path with
// rounded corners through a free vertical gap between them, or round all of them through a free
// horizontal channel above or below (backward links, like a read model feeding the actor at the
// start of the flow). Pure, so the board and the SVG export draw the same paths.
import { getBezierPath, Position } from '@xyflow/react';

import type { Point, Rect } from '../../model';

export type { Point, Rect };
export interface Route {
  /** SVG path data. */
  path: string;
  /** A point half way along, for a label. */
  labelX: number;
  labelY: number;
  /** How many stickies the chosen path still crosses (0 unless nothing clear was found). */
  crossings: number;
}

/** Distance kept from stickies, in board units. */
const CLEARANCE = 12;
/** How far a path runs straight out of a handle before turning. */
const STUB = 24;
const CORNER = 10;

export function routeLink(source: Point, target: Point, obstacles: readonly Rect[]): Route {
  const near = obstacles.filter((r) => overlapsBox(r, source, target, 400));
  const [bezier, bx, by] = getBezierPath({ sourceX: source.x, sourceY: source.y, sourcePosition: Position.Right, targetX: target.x, targetY: target.y, targetPosition: Position.Left });
  const curveHits = hitsAlongCurve(source, target, near);
  if (curveHits === 0) return { path: bezier, labelX: bx, labelY: by, crossings: 0 };

  const candidates: Point[][] = [];
  const x0 = source.x + STUB;
  const x1 = target.x - STUB;
  if (x1 > x0) {
    // Forward: one vertical run at some x between the two, where it crosses nothing.
    const xs = new Set<number>([(source.x + target.x) / 2, x0, x1]);
    for (const r of near) {
      xs.add(r.x - CLEARANCE - 1);
      xs.add(r.x + r.width + CLEARANCE + 1);
    }
    for (const x of [...xs].filter((v) => v >= x0 && v <= x1).sort((a, b) => Math.abs(a - (source.x + target.x) / 2) - Math.abs(b - (source.x + target.x) / 2))) {
      candidates.push([source, { x, y: source.y }, { x, y: target.y }, target]);
    }
  }
  // Round everything in between: a horizontal channel above or below.
  const lo = Math.min(source.x, target.x) - STUB;
  const hi = Math.max(source.x, target.x) + STUB;
  const between = obstacles.filter((r) => r.x < hi && r.x + r.width > lo);
  const top = Math.min(source.y, target.y, ...between.map((r) => r.y)) - CLEARANCE * 2;
  const bottom = Math.max(source.y, target.y, ...between.map((r) => r.y + r.height)) + CLEARANCE * 2;
  const ys = new Set<number>([top, bottom]);
  for (const r of between) {
    ys.add(r.y - CLEARANCE - 1);
    ys.add(r.y + r.height + CLEARANCE + 1);
  }
  const middle = (source.y + target.y) / 2;
  for (const y of [...ys].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))) {
    candidates.push([source, { x: x0, y: source.y }, { x: x0, y }, { x: x1, y }, { x: x1, y: target.y }, target]);
  }

  let best: { points: Point[]; hits: number; length: number } | null = null;
  for (const points of candidates) {
    const hits = hitsAlongPolyline(points, obstacles);
    const length = polylineLength(points);
    if (!best || hits < best.hits || (hits === best.hits && length < best.length)) best = { points, hits, length };
    if (hits === 0 && candidates.indexOf(points) < 3) break;
  }
  if (!best || best.hits >= curveHits) return { path: bezier, labelX: bx, labelY: by, crossings: curveHits };
  const mid = pointAlong(best.points, best.length / 2);
  return { path: roundedPath(best.points), labelX: mid.x, labelY: mid.y, crossings: best.hits };
}

function overlapsBox(r: Rect, a: Point, b: Point, pad: number): boolean {
  return r.x < Math.max(a.x, b.x) + pad && r.x + r.width > Math.min(a.x, b.x) - pad && r.y < Math.max(a.y, b.y) + pad && r.y + r.height > Math.min(a.y, b.y) - pad;
}

function inside(p: Point, r: Rect, margin: number): boolean {
  return p.x > r.x - margin && p.x < r.x + r.width + margin && p.y > r.y - margin && p.y < r.y + r.height + margin;
}

/** Stickies crossed by React Flow's default curve (sampled; it is a cubic Bézier). */
export function hitsAlongCurve(s: Point, t: Point, obstacles: readonly Rect[]): number {
  // React Flow's control offset (curvature 0.25): half the distance forward, 6.25·√d backward.
  const dx = t.x - s.x;
  const offset = dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
  const c1 = { x: s.x + offset, y: s.y };
  const c2 = { x: t.x - offset, y: t.y };
  const points: Point[] = [];
  for (let i = 0; i <= 40; i++) {
    const u = i / 40;
    const v = 1 - u;
    points.push({
      x: v * v * v * s.x + 3 * v * v * u * c1.x + 3 * v * u * u * c2.x + u * u * u * t.x,
      y: v * v * v * s.y + 3 * v * v * u * c1.y + 3 * v * u * u * c2.y + u * u * u * t.y,
    });
  }
  return obstacles.filter((r) => points.some((p) => inside(p, r, 2))).length;
}

function hitsAlongPolyline(points: readonly Point[], obstacles: readonly Rect[]): number {
  let hits = 0;
  for (const r of obstacles) {
    for (let i = 1; i < points.length; i++) {
      if (segmentHits(points[i - 1]!, points[i]!, r, CLEARANCE / 2)) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

/** An axis-aligned segment (or any short one, sampled) against a rectangle grown by margin. */
function segmentHits(a: Point, b: Point, r: Rect, margin: number): boolean {
  const steps = Math.max(2, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 8));
  for (let i = 0; i <= steps; i++) {
    const p = { x: a.x + ((b.x - a.x) * i) / steps, y: a.y + ((b.y - a.y) * i) / steps };
    if (inside(p, r, margin)) return true;
  }
  return false;
}

function polylineLength(points: readonly Point[]): number {
  let n = 0;
  for (let i = 1; i < points.length; i++) n += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return n;
}

function pointAlong(points: readonly Point[], distance: number): Point {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (d >= left && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return points[points.length - 1]!;
}

/** A polyline with rounded corners. */
function roundedPath(points: readonly Point[]): string {
  const pts = points.filter((p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y);
  let d = `M${pts[0]!.x} ${pts[0]!.y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const c = pts[i + 1]!;
    const r = Math.min(CORNER, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const inX = b.x - Math.sign(b.x - a.x) * r;
    const inY = b.y - Math.sign(b.y - a.y) * r;
    const outX = b.x + Math.sign(c.x - b.x) * r;
    const outY = b.y + Math.sign(c.y - b.y) * r;
    d += `L${inX} ${inY}Q${b.x} ${b.y} ${outX} ${outY}`;
  }
  const last = pts[pts.length - 1]!;
  return `${d}L${last.x} ${last.y}`;
}
