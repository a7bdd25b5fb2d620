// Typed errors of the local Kafka launcher: a code to branch on, `retriable`, and a message that
// tells the person at the terminal what to do.
export class LocalKafkaError extends Error {
  /** @param {string} message @param {{ code: string, retriable?: boolean, cause?: unknown }} details */
  constructor(message, details) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = details.code;
    this.retriable = details.retriable ?? false;
  }
}

/** Java or Maven is not installed and could not be installed here. */
export class ToolchainMissingError extends LocalKafkaError {
  constructor(tool, hint) {
    super(`${tool} is needed to run a local Kafka but was not found. ${hint}`, { code: 'TOOLCHAIN_MISSING' });
  }
}

/** Maven could not resolve Kafka's jars. */
export class JarResolutionError extends LocalKafkaError {
  constructor(detail) {
    super(`Maven could not resolve Kafka's jars (is Maven Central reachable?):\n${detail}`, { code: 'JAR_RESOLUTION_FAILED', retriable: true });
  }
}

/** Something already listens on a port the broker needs. */
export class PortInUseError extends LocalKafkaError {
  constructor(port) {
    super(`Port ${port} on 127.0.0.1 is already in use: stop what listens there or choose another port with KAFKA_PORT.`, { code: 'PORT_IN_USE' });
    this.port = port;
  }
}

/** A broker process exited or did not answer a metadata request in time. */
export class BrokerStartError extends LocalKafkaError {
  constructor(nodeId, reason, logTail) {
    super(`Kafka broker ${nodeId} did not come up: ${reason}. Last lines of its log:\n${logTail}`, { code: 'BROKER_START_FAILED', retriable: true });
    this.nodeId = nodeId;
  }
}
