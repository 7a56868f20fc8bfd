import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse as parseJsonc } from 'jsonc-parser';
import { buildBicepFileModel } from '../../server/src/model/bicep/bicepFileModel';
import type { DeployedResource } from '../../server/src/model/deployedResource';
import { evaluateArmTemplate } from '../../server/src/model/evaluateArmTemplate';
import { readArmTemplate } from '../../server/src/syntax/arm/readArmTemplate';

/**
 * The Bicep and ARM front ends must see the same deployment: for every main.bicep beside the ARM
 * JSON compiled from it (`metadata._generator.name == "bicep"`), both models are built with
 * parameter defaults and their multisets of (type, name) compared, unknown names as (type, ?).
 *
 * Two kinds of resources are left out on both sides, because compiled ARM holds what the Bicep
 * source does not: `existing` resources (compiled ARM lists them only with symbolic names), and
 * what registry modules (`br:`, `ts:`) deploy (compiled ARM inlines the restored module; the
 * Bicep source only names it).
 */
export function runPairsConformance(dirs: readonly string[]): number {
  const pairs = dirs.flatMap((dir) => findPairs(dir).map((pair) => ({ ...pair, root: dir })));
  let identical = 0;
  let exceptions = 0;
  const differences: { bicep: string; onlyBicep: string[]; onlyArm: string[] }[] = [];
  const started = performance.now();
  for (const pair of pairs) {
    try {
      const bicepResources = bicepSide(pair.bicep, pair.root);
      const armResources = armSide(pair.arm);
      const bicepKeys = keysOf(bicepResources, () => false);
      const armKeys = keysOf(armResources, excludedUnder(armResources, registryCounterparts(bicepResources, armResources)));
      const onlyBicep = minus(bicepKeys, armKeys);
      const onlyArm = minus(armKeys, bicepKeys);
      if (onlyBicep.length === 0 && onlyArm.length === 0) identical++;
      else differences.push({ bicep: pair.bicep, onlyBicep, onlyArm });
    } catch (error) {
      exceptions++;
      console.log(`pairs: EXCEPTION ${pair.bicep}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  const ms = performance.now() - started;
  const percent = pairs.length === 0 ? 0 : (100 * identical) / pairs.length;
  for (const difference of differences) {
    console.log(`pairs: DIFFERENT ${difference.bicep}`);
    for (const key of difference.onlyBicep.slice(0, 6)) console.log(`    only in Bicep: ${key}`);
    for (const key of difference.onlyArm.slice(0, 6)) console.log(`    only in ARM:   ${key}`);
  }
  console.log(`pairs: ${pairs.length} pairs, ${identical} identical (${percent.toFixed(1)}%), ${differences.length} different, ${exceptions} exceptions, ${ms.toFixed(0)} ms`);
  return exceptions;
}

interface Pair {
  readonly bicep: string;
  readonly arm: string;
}

/** main.bicep with azuredeploy.json or main.json beside it, compiled by Bicep. */
function findPairs(dir: string): Pair[] {
  const pairs: Pair[] = [];
  const visit = (folder: string) => {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    if (entries.includes('main.bicep')) {
      for (const candidate of ['azuredeploy.json', 'main.json']) {
        const arm = path.join(folder, candidate);
        if (entries.includes(candidate) && compiledByBicep(arm)) {
          pairs.push({ bicep: path.join(folder, 'main.bicep'), arm });
          break;
        }
      }
    }
    for (const entry of entries) {
      if (entry.startsWith('.') || entry === 'node_modules') continue;
      const full = path.join(folder, entry);
      if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) visit(full);
    }
  };
  visit(dir);
  return pairs.sort((a, b) => a.bicep.localeCompare(b.bicep));
}

function compiledByBicep(file: string): boolean {
  try {
    const json = parseJsonc(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), undefined, { allowTrailingComma: true });
    return json?.metadata?._generator?.name === 'bicep';
  } catch {
    return false;
  }
}

function bicepSide(file: string, root: string): readonly DeployedResource[] {
  const realRoot = path.resolve(root) + path.sep;
  const load = (other: string) => {
    const resolved = path.resolve(other);
    if (!resolved.startsWith(realRoot) || !existsSync(resolved)) return undefined;
    return readFileSync(resolved, 'utf8').replace(/^\uFEFF/, '');
  };
  return buildBicepFileModel(file, load(file) ?? '', load).resources;
}

function armSide(file: string): readonly DeployedResource[] {
  const template = readArmTemplate(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return template === undefined ? [] : evaluateArmTemplate(template).resources;
}

function isDeployment(resource: DeployedResource): boolean {
  return resource.type?.toLowerCase() === 'microsoft.resources/deployments';
}

interface DeploymentGroup {
  readonly symbolicName: string | undefined;
  /** Index in the resource list, by loop index (0 when not in a loop). */
  readonly instances: Map<number, number>;
}

/** The deployments directly under `parent` (undefined: the top), one group per declaration, in order. */
function deploymentsUnder(resources: readonly DeployedResource[], parent: number | undefined): DeploymentGroup[] {
  const groups = new Map<string, DeploymentGroup>();
  resources.forEach((resource, i) => {
    if (resource.deployedBy !== parent || !isDeployment(resource)) return;
    const key = `${resource.origin.file}\u0000${resource.origin.span.offset}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { symbolicName: resource.symbolicName, instances: new Map() }));
    group.instances.set(resource.copy?.index ?? 0, i);
  });
  return [...groups.values()];
}

function isRegistryModule(resource: DeployedResource): boolean {
  const text = readFileSync(resource.origin.file, 'utf8').replace(/^\uFEFF/, '');
  const declaration = text.slice(resource.origin.span.offset, resource.origin.span.offset + resource.origin.span.length);
  return /^\s*module\s+\w+\s+'(?:br|ts)[:/]/m.test(declaration);
}

/**
 * ARM deployments that stand for Bicep registry modules. The two trees of deployments are walked
 * together: by symbolic name where compiled ARM has them (language version 2.0), else by order.
 */
function registryCounterparts(bicep: readonly DeployedResource[], arm: readonly DeployedResource[]): Set<number> {
  const found = new Set<number>();
  const match = (bicepParent: number | undefined, armParent: number | undefined) => {
    const bicepGroups = deploymentsUnder(bicep, bicepParent);
    deploymentsUnder(arm, armParent).forEach((armGroup, ordinal) => {
      const bicepGroup = armGroup.symbolicName !== undefined ? bicepGroups.find((group) => group.symbolicName === armGroup.symbolicName) : bicepGroups[ordinal];
      if (!bicepGroup) return;
      for (const [index, armIndex] of armGroup.instances) {
        const bicepIndex = bicepGroup.instances.get(index);
        if (bicepIndex === undefined) continue;
        if (isRegistryModule(bicep[bicepIndex])) found.add(armIndex);
        else match(bicepIndex, armIndex);
      }
    });
  };
  match(undefined, undefined);
  return found;
}

/** ARM resources deployed (at any depth) by a deployment that is a registry module on the Bicep side. */
function excludedUnder(resources: readonly DeployedResource[], registry: ReadonlySet<number>): (index: number) => boolean {
  const excluded: boolean[] = [];
  resources.forEach((resource, i) => {
    excluded[i] = resource.deployedBy !== undefined && (excluded[resource.deployedBy] || registry.has(resource.deployedBy));
  });
  return (index) => excluded[index];
}

function keysOf(resources: readonly DeployedResource[], excluded: (index: number) => boolean): string[] {
  const keys: string[] = [];
  resources.forEach((resource, i) => {
    if (resource.existing || excluded(i)) return;
    const name = resource.name.kind === 'string' ? resource.name.value.toLowerCase() : '?';
    keys.push(`${(resource.type ?? '?').toLowerCase()} ${name}`);
  });
  return keys.sort();
}

/** Multiset difference. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const key of b) counts.set(key, (counts.get(key) ?? 0) + 1);
  const result: string[] = [];
  for (const key of a) {
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else result.push(key);
  }
  return result;
}
