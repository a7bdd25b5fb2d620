// The once-built Confluent client goes into an exported project as its addon and the
// librdkafka libraries beside it (links kept), and the cache is keyed by version, Node ABI and platform.
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KAFKA_CLIENTS } from '../clients';
import { ConfluentClientBuildError, confluentCacheDir, installBuiltConfluentClient } from './confluentClient';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'stormbench-ckjs-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the built Confluent client', () => {
  it('is cached once per machine, per version, Node ABI and platform, in the user\'s cache folder', () => {
    const key = `${KAFKA_CLIENTS.confluent.version}-abi${process.versions.modules}-${process.platform}-${process.arch}`;
    expect(confluentCacheDir('/home/u/.cache')).toBe(`/home/u/.cache/stormbench/confluent-client/${key}`);
    expect(confluentCacheDir()).toBe(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'stormbench', 'confluent-client', key));
  });

  it('is copied into a project: the .node addon and librdkafka with its links, nothing else', () => {
    const built = temp();
    mkdirSync(join(built, 'build', 'Release', 'obj.target'), { recursive: true });
    mkdirSync(join(built, 'build', 'deps'), { recursive: true });
    writeFileSync(join(built, 'build', 'Release', 'confluent-kafka-javascript.node'), 'addon');
    writeFileSync(join(built, 'build', 'deps', 'librdkafka.so.1'), 'lib');
    symlinkSync('librdkafka.so.1', join(built, 'build', 'deps', 'librdkafka.so'));
    writeFileSync(join(built, 'build', 'deps', 'librdkafka.a'), 'static');
    const project = temp();
    const pkg = join(project, 'node_modules', '@confluentinc', 'kafka-javascript');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{}');
    installBuiltConfluentClient(project, built);
    expect(readFileSync(join(pkg, 'build', 'Release', 'confluent-kafka-javascript.node'), 'utf8')).toBe('addon');
    expect(readFileSync(join(pkg, 'build', 'deps', 'librdkafka.so.1'), 'utf8')).toBe('lib');
    expect(lstatSync(join(pkg, 'build', 'deps', 'librdkafka.so')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(pkg, 'build', 'deps', 'librdkafka.so'))).toBe('librdkafka.so.1');
    expect(() => lstatSync(join(pkg, 'build', 'deps', 'librdkafka.a'))).toThrow();
  });

  it('refuses a project where the package is not installed, saying so', () => {
    expect(() => installBuiltConfluentClient(temp(), temp())).toThrow(ConfluentClientBuildError);
    expect(() => installBuiltConfluentClient(temp(), temp())).toThrow(/run npm install there first/);
  });
});
