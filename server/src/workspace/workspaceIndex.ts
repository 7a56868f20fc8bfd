import type { DeployedResource } from '../model/deployedResource';
import type { Origin } from '../model/value';
import type { Finding } from '../rules/finding';
import type { Rule } from '../rules/rule';
import { runRules } from '../rules/runRules';
import { fingerprintOf, linksOf, type ResourceLinks } from './resourceLinks';
import { filesReadBy, type TemplateModel } from './templateModels';

/** What the template rules are run with; a different set means a new index. */
export interface IndexSettings {
  readonly rules: readonly Rule[];
  readonly defaultTimeZone: string | undefined;
  readonly auditWorkspaces: readonly string[];
}

interface IndexedResource {
  readonly resource: DeployedResource;
  readonly entry: ModelEntry;
  readonly position: number;
  readonly links: ResourceLinks;
  readonly fingerprint: string;
}

interface ModelEntry {
  readonly model: TemplateModel;
  /** The model's own file and every file its evaluation read: where its findings can sit. */
  readonly files: ReadonlySet<string>;
  readonly resources: readonly IndexedResource[];
  order: number;
  /** Findings of the template rules located in `files`, for this model's resources; undefined until computed. */
  findings: readonly Finding[] | undefined;
}

/** A key with more resources than this on the far side is a hub (a shared workspace): the second hop does not go through it. */
const hubSize = 32;
/** Resources in one rule run when several templates are computed together (rules cost grows faster than linearly with it). */
const batchResources = 600;

/**
 * The template rules' findings over a workspace, kept per template (deployment) and updated per
 * file. Each template's findings come from a rule run over its own resources and the resources
 * the workspace links to them (action groups its alerts route to, settings and locks scoped to
 * its resources, vaults and principals it reads, and one more hop), never over the whole
 * workspace. An edit re-evaluates only the changed template; its findings are recomputed, and so
 * are those of templates linked to resources whose content changed (not merely moved).
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, ModelEntry>();
  private readonly declarers = new Map<string, Set<IndexedResource>>();
  private readonly mentioners = new Map<string, Set<IndexedResource>>();
  private readonly dirty = new Set<ModelEntry>();
  /** For each file, the templates whose evaluation read it (its findings can come from any of them). */
  private readonly readersOf = new Map<string, Set<ModelEntry>>();
  private combined: readonly Finding[] | undefined;
  /** Since the last `takeChanges`: files of replaced templates, and whether any resource's content (not only its place) changed. */
  private changedFiles = new Set<string>();
  private contentChanged = false;

  constructor(readonly settings: IndexSettings) {}

  sameSettings(other: IndexSettings): boolean {
    const a = this.settings;
    return a.rules === other.rules && a.defaultTimeZone === other.defaultTimeZone && a.auditWorkspaces.join('\u0000') === other.auditWorkspaces.join('\u0000');
  }

  get size(): number {
    return this.entries.size;
  }

  /** Templates whose findings are still to be computed. */
  get pending(): number {
    return this.dirty.size;
  }

  /** Brings the index to the workspace's current template models (unchanged ones are kept as they are). */
  sync(models: readonly TemplateModel[]): void {
    const seen = new Set<string>();
    models.forEach((model, order) => {
      seen.add(model.file);
      const old = this.entries.get(model.file);
      if (old?.model !== model) this.replace(old, model);
      const entry = this.entries.get(model.file)!;
      if (entry.order !== order) {
        entry.order = order;
        this.combined = undefined;
      }
    });
    for (const [file, old] of [...this.entries]) if (!seen.has(file)) this.replace(old, undefined);
  }

  /** Adds or refreshes one template (the background build adds them one by one). */
  add(model: TemplateModel): void {
    const old = this.entries.get(model.file);
    if (old?.model !== model) this.replace(old, model);
  }

  /** What changed since the last call: the files of templates that were replaced, and whether any resource's content changed. */
  takeChanges(): { readonly files: ReadonlySet<string>; readonly contentChanged: boolean } {
    const changes = { files: this.changedFiles, contentChanged: this.contentChanged };
    this.changedFiles = new Set();
    this.contentChanged = false;
    return changes;
  }

  /** Findings of the template rules located in one file. */
  findingsIn(file: string): Finding[] {
    const entries = [...(this.readersOf.get(file) ?? [])];
    for (const entry of entries) {
      if (this.dirty.delete(entry)) {
        entry.findings = this.run([entry], this.neighbourhood(entry))[0];
        this.combined = undefined;
      }
    }
    return dedupe(entries.sort((a, b) => a.order - b.order).flatMap((entry) => (entry.findings ?? []).filter((f) => f.file === file)));
  }

  /** Computes up to `limit` pending templates' findings; returns how many are left. */
  computeSome(limit: number): number {
    while (limit > 0 && this.dirty.size > 0) {
      // Templates are run together while the run stays small; each keeps the findings of its own resources.
      const batch: ModelEntry[] = [];
      const included = new Set<IndexedResource>();
      for (const entry of this.dirty) {
        if (batch.length >= limit || included.size >= batchResources) break;
        batch.push(entry);
        for (const resource of this.neighbourhood(entry)) included.add(resource);
      }
      const findings = this.run(batch, included);
      batch.forEach((entry, i) => {
        this.dirty.delete(entry);
        entry.findings = findings[i];
      });
      limit -= batch.length;
      this.combined = undefined;
    }
    return this.dirty.size;
  }

  /** Every finding of the template rules over the workspace, in template order. */
  findings(): readonly Finding[] {
    this.computeSome(Infinity);
    if (this.combined) return this.combined;
    this.combined = dedupe([...this.entries.values()].sort((a, b) => a.order - b.order).flatMap((entry) => entry.findings ?? []));
    return this.combined;
  }

  private replace(old: ModelEntry | undefined, model: TemplateModel | undefined): void {
    const entry = model ? this.entryOf(model, old?.order ?? this.entries.size) : undefined;
    const changed = changedResources(old, entry);
    if (changed.length > 0) this.contentChanged = true;
    if (old) {
      for (const resource of old.resources) this.unlink(resource);
      for (const file of old.files) {
        removeFrom(this.readersOf, file, old);
        this.changedFiles.add(file);
      }
      this.entries.delete(old.model.file);
      this.dirty.delete(old);
    }
    if (entry) {
      for (const resource of entry.resources) this.link(resource);
      for (const file of entry.files) {
        addTo(this.readersOf, file, entry);
        this.changedFiles.add(file);
      }
      this.entries.set(entry.model.file, entry);
      this.dirty.add(entry);
    }
    this.combined = undefined;
    this.markReached(changed);
  }

  private entryOf(model: TemplateModel, order: number): ModelEntry {
    const resources: IndexedResource[] = [];
    const entry: ModelEntry = { model, files: new Set([model.file, ...filesReadBy(model)]), resources, order, findings: undefined };
    model.resources.forEach((resource, position) => resources.push({ resource, entry, position, links: linksOf(resource), fingerprint: fingerprintOf(resource) }));
    return entry;
  }

  private link(resource: IndexedResource): void {
    for (const key of resource.links.declares) addTo(this.declarers, key, resource);
    for (const key of resource.links.mentions) addTo(this.mentioners, key, resource);
  }

  private unlink(resource: IndexedResource): void {
    for (const key of resource.links.declares) removeFrom(this.declarers, key, resource);
    for (const key of resource.links.mentions) removeFrom(this.mentioners, key, resource);
  }

  /**
   * Resources linked to `resource` by a key; `limit` skips hub keys. `byName` false: only the
   * "any of a type" and "any lock" keys, `true`: only names, undefined: both.
   */
  private neighbours(resource: IndexedResource, visit: (other: IndexedResource) => void, limit = Infinity, byName?: boolean): void {
    for (const key of resource.links.mentions) {
      if (byName !== undefined && byName === isTypeKey(key)) continue;
      const far = this.declarers.get(key);
      if (far && far.size <= limit) far.forEach(visit);
    }
    for (const key of resource.links.declares) {
      if (byName !== undefined && byName === isTypeKey(key)) continue;
      const far = this.mentioners.get(key);
      if (far && far.size <= limit) far.forEach(visit);
    }
  }

  /** Templates whose findings a content change of these resources can reach: linked ones, and one more hop through non-hub keys. */
  private markReached(changed: readonly IndexedResource[]): void {
    const first = new Set<IndexedResource>();
    for (const resource of changed) this.neighbours(resource, (other) => first.add(other));
    const markEntry = (other: IndexedResource) => {
      const current = this.entries.get(other.entry.model.file);
      if (current === other.entry) this.dirty.add(current);
    };
    for (const resource of first) {
      markEntry(resource);
      this.neighbours(resource, markEntry, hubSize);
    }
  }

  /** A template's resources and what the workspace links to them. */
  private neighbourhood(entry: ModelEntry): Set<IndexedResource> {
    const included = new Set<IndexedResource>(entry.resources);
    const first = new Set<IndexedResource>();
    for (const resource of entry.resources) this.neighbours(resource, (other) => first.add(other), Infinity, true);
    for (const resource of first) {
      included.add(resource);
      this.neighbours(resource, (other) => included.add(other), hubSize);
    }
    // What may be any resource of a type (or any lock) is seen, but the chain does not go on through it.
    for (const resource of entry.resources) this.neighbours(resource, (other) => included.add(other), Infinity, false);
    return included;
  }

  /**
   * The rules over the templates' resources and what links to them; each template keeps the
   * findings about its own resources in its own files. Copies placed at marked origins tell
   * whose a finding is: a module deployed by several templates sits in the same file for each.
   */
  private run(batch: readonly ModelEntry[], included = this.neighbourhood(batch[0])): Finding[][] {
    const focus = new Map(batch.map((entry, i) => [entry, i] as const));
    const ordered = [...included].sort((a, b) => a.entry.order - b.entry.order || a.position - b.position);
    const batchFiles = new Set<string>();
    const sharedInBatch = new Set<string>();
    for (const entry of batch) for (const file of entry.files) (batchFiles.has(file) ? sharedInBatch : batchFiles).add(file);
    const needsMark = new Set(batch.filter((entry) => [...entry.files].some((file) => sharedInBatch.has(file))));
    const relocations = new Map<ModelEntry, Map<object, unknown>>();
    const resources: DeployedResource[] = [];
    const partial = new Set<DeployedResource>();
    const deploymentOf = new Map<DeployedResource, string>();
    for (const item of ordered) {
      let resource = item.resource;
      const at = focus.get(item.entry);
      // A lone template's own resources stay as they are; others' are marked when they could be mistaken for its.
      const mark = at === undefined ? ([...item.entry.files].some((file) => batchFiles.has(file)) ? elsewhere : undefined) : needsMark.has(item.entry) ? `\u0000${at}:` : undefined;
      if (mark !== undefined) {
        let memo = relocations.get(item.entry);
        if (!memo) relocations.set(item.entry, (memo = new Map()));
        resource = relocated(resource, memo, mark);
      }
      resources.push(resource);
      if (!item.entry.model.complete) partial.add(resource);
      deploymentOf.set(resource, item.entry.model.file);
    }
    const { rules, defaultTimeZone, auditWorkspaces } = this.settings;
    const findings = runRules(rules, { resources, policyFile: undefined, defaultTimeZone, auditWorkspaces, partial, deploymentOf }, batch[0].model.file, { merge: false });
    const results: Finding[][] = batch.map(() => []);
    for (const finding of findings) {
      const marked = /^\u0000(\d+):/.exec(finding.file);
      if (marked) {
        const file = finding.file.slice(marked[0].length);
        const owner = Number(marked[1]);
        if (batch[owner].files.has(file)) results[owner].push(placedBack({ ...finding, file }));
        continue;
      }
      if (finding.file.startsWith('\u0000')) continue;
      // An unmarked place is in a file that only one template of the batch reads (or the fallback of a failed rule).
      const owner = batch.findIndex((entry) => !needsMark.has(entry) && entry.files.has(finding.file));
      if (owner >= 0) results[owner].push(placedBack(finding));
      else if (finding.file === batch[0].model.file) results[0].push(placedBack(finding));
    }
    return results;
  }
}

function changedResources(old: ModelEntry | undefined, entry: ModelEntry | undefined): IndexedResource[] {
  if (!old || !entry || old.model.complete !== entry.model.complete) return [...(old?.resources ?? []), ...(entry?.resources ?? [])];
  const counts = new Map<string, number>();
  for (const r of old.resources) counts.set(r.fingerprint, (counts.get(r.fingerprint) ?? 0) + 1);
  const added: IndexedResource[] = [];
  for (const r of entry.resources) {
    const left = counts.get(r.fingerprint) ?? 0;
    if (left > 0) counts.set(r.fingerprint, left - 1);
    else added.push(r);
  }
  const removed = old.resources.filter((r) => {
    const left = counts.get(r.fingerprint) ?? 0;
    if (left <= 0) return false;
    counts.set(r.fingerprint, left - 1);
    return true;
  });
  return [...added, ...removed];
}

const elsewhere = '\u0000elsewhere:';

/** A copy whose every origin is marked (its file prefixed), keeping shared sub-values shared. */
function relocated<T>(value: T, memo: Map<object, unknown>, mark: string): T {
  if (value === null || typeof value !== 'object') return value;
  const hit = memo.get(value);
  if (hit !== undefined) return hit as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    memo.set(value, copy);
    for (const item of value) copy.push(relocated(item, memo, mark));
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  memo.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === 'origin' && item && typeof item === 'object' ? { ...(item as Origin), file: mark + (item as Origin).file } : relocated(item, memo, mark);
  }
  return copy as T;
}

const isTypeKey = (key: string) => key.startsWith('t:') || key.startsWith('x:');

/** A module deployed by two templates yields the same finding through each. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.span.offset}\u0000${finding.span.length}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Related places and fix intents may point at a marked copy: put them back where they are written. */
function placedBack(finding: Finding): Finding {
  const related = finding.related?.some((place) => place.file.startsWith('\u0000')) ? finding.related.map((place) => (place.file.startsWith('\u0000') ? { ...place, file: unmark(place.file) } : place)) : finding.related;
  const fixes = finding.fixes && JSON.stringify(finding.fixes).includes('\\u0000') ? unmarkedFiles(finding.fixes) : finding.fixes;
  return related === finding.related && fixes === finding.fixes ? finding : { ...finding, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
}

function unmark(file: string): string {
  return file.replace(/^\u0000(elsewhere|\d+):/, '');
}

/** A copy of fix intents (plain data) whose `file` fields name the files as written. */
function unmarkedFiles<T>(value: T): T {
  if (Array.isArray(value)) return value.map(unmarkedFiles) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'file' && typeof item === 'string' ? unmark(item) : unmarkedFiles(item)])) as T;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
