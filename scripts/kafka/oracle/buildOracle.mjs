// Compiles KafkaOracle.java with javac against Kafka's classpath into `outDir` and returns the
// classpath to run it with (`java -cp <classpath> KafkaOracle`).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaClasspath } from '../classpath.mjs';
import { LocalKafkaError } from '../errors.mjs';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'KafkaOracle.java');

export function buildOracle(outDir, { log = () => {} } = {}) {
  const classpath = kafkaClasspath({ log });
  mkdirSync(outDir, { recursive: true });
  const res = spawnSync('javac', ['-J-XX:TieredStopAtLevel=1', '-nowarn', '-cp', classpath, '-d', outDir, SOURCE], { encoding: 'utf8' });
  if (res.status !== 0) throw new LocalKafkaError(`javac could not compile the Kafka oracle:\n${res.stderr || res.stdout}`, { code: 'ORACLE_BUILD_FAILED' });
  return `${outDir}:${classpath}`;
}
