import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelDraw, drawInOwnFrame } from './frameQueue';

let frames: (() => void)[] = [];
const nextFrame = () => {
  const due = frames;
  frames = [];
  for (const f of due) f();
};

describe('drawInOwnFrame', () => {
  beforeEach(() => {
    frames = [];
    (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = (f: () => void) => frames.push(f);
  });
  afterEach(() => {
    delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
  });

  it('runs one draw per animation frame, the latest for each owner, never in the calling frame', () => {
    const a = {};
    const b = {};
    const drawn: string[] = [];
    drawInOwnFrame(a, () => drawn.push('a1'));
    drawInOwnFrame(b, () => drawn.push('b1'));
    drawInOwnFrame(a, () => drawn.push('a2'));
    expect(drawn).toEqual([]);
    nextFrame();
    expect(drawn).toEqual(['a2']);
    nextFrame();
    expect(drawn).toEqual(['a2', 'b1']);
    nextFrame();
    expect(drawn).toEqual(['a2', 'b1']);
    expect(frames).toHaveLength(0);
  });

  it('drops the pending draw of an owner that went away', () => {
    const a = {};
    const drawn: string[] = [];
    drawInOwnFrame(a, () => drawn.push('a'));
    cancelDraw(a);
    nextFrame();
    expect(drawn).toEqual([]);
    drawInOwnFrame(a, () => drawn.push('again'));
    nextFrame();
    expect(drawn).toEqual(['again']);
  });
});
