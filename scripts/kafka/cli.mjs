// `npm run kafka [-- --brokers 3]`: a local Apache Kafka 4.4 (KRaft) on 127.0.0.1 for trying
// exported services. Port from KAFKA_PORT (default 9092); with --brokers N the nodes take
// consecutive ports. Prints `Kafka ready on 127.0.0.1:<port>` once a metadata request succeeds
// and stops every node and its temporary storage on Ctrl+C or SIGTERM.
import { LocalKafkaError } from './errors.mjs';
import { startKafka } from './startKafka.mjs';

function parseArgs(argv) {
  let brokers = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--brokers') brokers = Number(argv[++i]);
    else if (arg.startsWith('--brokers=')) brokers = Number(arg.slice('--brokers='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run kafka [-- --brokers N]   (KAFKA_PORT sets the first port, default 9092)');
      process.exit(0);
    } else {
      console.error(`Unknown argument ${arg}. Usage: npm run kafka [-- --brokers N]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 9) {
    console.error('--brokers takes a whole number from 1 to 9.');
    process.exit(2);
  }
  return { brokers };
}

const { brokers } = parseArgs(process.argv.slice(2));
const basePort = Number(process.env.KAFKA_PORT ?? 9092);
if (!Number.isInteger(basePort) || basePort < 1 || basePort + brokers - 1 > 65535) {
  console.error(`KAFKA_PORT must be a port number, got ${process.env.KAFKA_PORT}.`);
  process.exit(2);
}

let kafka;
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping Kafka…`);
  // Still starting: the start below finishes, sees `stopping` and stops what it started.
  if (!kafka) return;
  await kafka.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  kafka = await startKafka({ brokers, basePort, log: (line) => console.log(line) });
} catch (err) {
  console.error(err instanceof LocalKafkaError ? err.message : err);
  process.exit(1);
}
if (stopping) {
  await kafka.stop();
  process.exit(0);
}
const ports = kafka.brokers.map((b) => b.port);
console.log(`Kafka ready on 127.0.0.1:${ports[0]}`);
if (ports.length > 1) console.log(`Bootstrap servers: ${kafka.bootstrap}`);
console.log(`Logs and storage: ${kafka.dataDir} (removed on stop). Ctrl+C stops it.`);
