// What the run controls say when a run's simulated time moves slower than the chosen speed (the
// board takes longer to compute than the speed allows): the speed it really runs at, and why.

/** Below this share of the chosen speed the controls say so (a few percent is tick jitter). */
const SHORTFALL = 0.8;

/** 0.45, 2.1, 37: two significant figures below 10, whole numbers above. */
export function speedText(x: number): string {
  if (x >= 10) return String(Math.round(x));
  if (x >= 1) return (Math.round(x * 10) / 10).toString();
  return Number(x.toPrecision(2)).toString();
}

export function speedShortfall(achieved: number | null, asked: number): { text: string; title: string } | null {
  if (achieved === null || !(achieved < asked * SHORTFALL)) return null;
  const at = speedText(achieved);
  return {
    text: `only ${at}×`,
    title: `The board takes longer to compute than ${speedText(asked)}× allows: simulated time moves at about ${at}× real time on this machine. Lower the speed or the command rate for a steady pace.`,
  };
}
