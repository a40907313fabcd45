import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'vitest';

/** Reads what `npm run package` leaves in .serverless/: the CloudFormation template and the zips. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_DIR = join(ROOT, '.serverless');
const TEMPLATE = join(PACKAGE_DIR, 'cloudformation-template-update-stack.json');
export const PACKAGED = existsSync(TEMPLATE);

/**
 * A describe block over the packaged output. Locally, without .serverless/, it is skipped and says
 * why; in CI (CI set) a missing package is a failure, so these checks can never be silently skipped.
 */
export function describePackaged(name: string, body: () => void): void {
  if (PACKAGED) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('finds the packaged output', () => {
        throw new Error(`${TEMPLATE} is missing: CI must run \`npm run package\` before the deploy tests.`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: no .serverless/ here; run \`npm run package\` first)`, body);
  }
}

export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Template {
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, { Value: unknown; Description?: string }>;
}

export function readTemplate(): Template {
  return JSON.parse(readFileSync(TEMPLATE, 'utf8')) as Template;
}

export function resourcesOfType(template: Template, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

/**
 * The entries of a zip file (stored or deflated, as serverless writes them). Small on purpose: the
 * test reads exactly what would be uploaded, without a zip library in the dependencies.
 */
export function readZip(path: string): Map<string, Buffer> {
  const zip = readFileSync(path);
  const EOCD = 0x06054b50;
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory entry`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8)
      throw new Error(`${path}: ${name} uses unsupported compression ${method}`);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
