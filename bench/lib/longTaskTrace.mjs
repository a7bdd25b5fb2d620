// Reads a Chromium trace (browser.startTracing) and describes the renderer main thread's tasks
// over a threshold: wall time, CPU time (tdur; far below the wall time means the thread waited
// for a core) and the longest work inside each, so a long task can be attributed.
export function describeLongTasks(trace, minMs = 50) {
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k)) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  const out = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    // Outermost tasks only: a RunTask inside another is the same task seen by two layers.
    const tops = [];
    let end = -Infinity;
    for (const e of list) {
      if (!/RunTask$/.test(e.name)) continue;
      if (e.ts < end) continue;
      end = e.ts + e.dur;
      if (e.dur >= minMs * 1000) tops.push(e);
    }
    for (const t of tops) {
      const inside = list.filter((c) => c !== t && c.ts >= t.ts && c.ts + c.dur <= t.ts + t.dur && !/RunTask$/.test(c.name));
      const what = inside
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 5)
        .map((c) => `${c.name}${label(c)} ${(c.dur / 1000).toFixed(1)} ms${typeof c.tdur === 'number' ? ` (cpu ${(c.tdur / 1000).toFixed(1)})` : ''}`);
      out.push({ wallMs: t.dur / 1000, cpuMs: typeof t.tdur === 'number' ? t.tdur / 1000 : null, what });
    }
  }
  return out;
}

function label(e) {
  const d = e.args?.data ?? {};
  const bits = [d.type, d.functionName, d.url?.split('/').pop()].filter((x) => typeof x === 'string' && x.length > 0);
  if (e.args?.usedHeapSizeBefore !== undefined) bits.push(`heap ${(e.args.usedHeapSizeBefore / 2 ** 20).toFixed(1)}→${((e.args.usedHeapSizeAfter ?? 0) / 2 ** 20).toFixed(1)} MiB`);
  return bits.length ? `[${bits.join(' ')}]` : '';
}
