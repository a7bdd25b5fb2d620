// Placeholder until the engine's worker entry lands: the e2e suite drives this page.
(globalThis as unknown as { harnessReady: boolean }).harnessReady = true;
