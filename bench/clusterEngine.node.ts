// The cluster benchmark's workload through the engine's kafkajs-shaped clients, in Node
// (bench/clientWorkload.ts): prints produced records per wall second and heap per million
// replicated records. The same workload in a Chromium Web Worker: bench/cluster.browser.ts.
//   npm run bench -- bench/clusterEngine.node.ts [records=300000]
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CLIENT_HEAD, clientRow, clientThroughput } from './clientWorkload';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 300_000);
  const r = await clientThroughput(total, heap);
  for (const line of CLIENT_HEAD) console.log(line);
  console.log(clientRow(r));
}
