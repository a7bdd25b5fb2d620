// Compiles KafkaOracle.java (and the classes beside it) with javac against Kafka's classpath into `outDir` and returns the
// classpath to run it with (`java -cp <classpath> KafkaOracle`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaClasspath } from '../classpath.mjs';
import { LocalKafkaError } from '../errors.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCES = readdirSync(HERE).filter((f) => f.endsWith('.java')).map((f) => join(HERE, f));

export function buildOracle(outDir, { log = () => {} } = {}) {
  const classpath = kafkaClasspath({ log });
  mkdirSync(outDir, { recursive: true });
  const res = spawnSync('javac', ['-J-XX:TieredStopAtLevel=1', '-nowarn', '-cp', classpath, '-d', outDir, ...SOURCES], { encoding: 'utf8' });
  if (res.status !== 0) throw new LocalKafkaError(`javac could not compile the Kafka oracle:\n${res.stderr || res.stdout}`, { code: 'ORACLE_BUILD_FAILED' });
  return `${outDir}:${classpath}`;
}
