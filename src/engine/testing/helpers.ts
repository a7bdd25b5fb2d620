// Test helpers: wait for a condition without sleeping (microtask turns, then a bounded number
// of macrotask turns), and collect what a consumer receives.
export async function waitFor(cond: () => boolean, what = 'condition', turns = 2000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
