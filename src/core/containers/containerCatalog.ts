// What the engines say about the containers discovery found: cached answers keyed by
// "engine:id", applied synchronously to each discovery; the engines are asked again in the
// background, never while a refresh waits.
import type { ContainerFacts, ContainerRef } from '../model/container';
import type { DiscoveryResult } from '../model/result';
import type { EngineReader, EnginePaths, FactsByKey } from './engineReaders';
import { DEFAULT_ENGINE_PATHS, containerdReader, dockerReader, factsKey, lxcReader, podmanReader } from './engineReaders';

export interface CatalogOptions {
  /** The most one engine may take to answer. */
  timeoutMs?: number;
  /** How old answers may get before a background refresh asks again (ids not yet known: at once). */
  maxAgeMs?: number;
  paths?: EnginePaths;
  /** Where "engine X is down: why" goes, once per engine and reason. */
  log?: (line: string) => void;
}

export class ContainerCatalog {
  private facts: FactsByKey = new Map();
  private inFlight: Promise<boolean> | null = null;
  private askedAt = 0;
  private readonly told = new Map<string, string>();
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly paths: EnginePaths;
  private readonly log: (line: string) => void;

  constructor(options: CatalogOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 500;
    this.maxAgeMs = options.maxAgeMs ?? 10_000;
    this.paths = options.paths ?? DEFAULT_ENGINE_PATHS;
    this.log = options.log ?? (() => undefined);
  }

  /** Puts the cached facts on every container of the result (and on the containers they run in). */
  apply(result: DiscoveryResult): void {
    for (const ref of containersOf(result)) {
      const facts = this.facts.get(factsKey(ref.engine, ref.id));
      if (facts) ref.facts = facts;
    }
  }

  /** Whether a background refresh is due: a container no engine has named yet, or old answers. */
  stale(result: DiscoveryResult, now = Date.now()): boolean {
    if (now - this.askedAt > this.maxAgeMs) return containersOf(result).size > 0;
    return [...containersOf(result)].some((ref) => !this.facts.has(factsKey(ref.engine, ref.id)) && this.readersFor([ref]).length > 0 && !this.askedFor.has(factsKey(ref.engine, ref.id)));
  }

  private askedFor = new Set<string>();

  /**
   * Asks the engines these containers belong to, each bounded by the timeout; resolves to whether
   * an answer changed. One refresh at a time: a second call joins the running one.
   */
  refresh(result: DiscoveryResult): Promise<boolean> {
    if (this.inFlight) return this.inFlight;
    const refs = [...containersOf(result)];
    this.inFlight = this.ask(refs).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async ask(refs: ContainerRef[]): Promise<boolean> {
    this.askedAt = Date.now();
    const wanted = new Set(refs.map((ref) => factsKey(ref.engine, ref.id)));
    this.askedFor = wanted;
    const answers = await Promise.all(this.readersFor(refs).map((reader) => this.askOne(reader, refs)));
    const next: FactsByKey = new Map();
    for (const answer of answers) for (const [key, facts] of answer ?? []) next.set(key, facts);
    // An engine that did not answer keeps its last answers for the containers still there (ids
    // only would flicker in the view); answers for containers gone are dropped.
    for (const [key, facts] of this.facts) if (!next.has(key) && wanted.has(key)) next.set(key, facts);
    const changed = JSON.stringify([...next].sort()) !== JSON.stringify([...this.facts].sort());
    this.facts = next;
    return changed;
  }

  private async askOne(reader: EngineReader, refs: ContainerRef[]): Promise<FactsByKey | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const answer = await Promise.race([reader.read(refs, this.timeoutMs), timeout]);
      if (this.told.get(reader.name)) this.log(`containers: ${reader.name} answers again`);
      this.told.set(reader.name, '');
      return answer;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (this.told.get(reader.name) !== why) this.log(`containers: ${reader.name} gave no names (${why}); showing container ids only`);
      this.told.set(reader.name, why);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private readersFor(refs: readonly ContainerRef[]): EngineReader[] {
    const readers: EngineReader[] = [dockerReader(this.paths), podmanReader(this.paths.podmanSocket, undefined), containerdReader(this.paths), lxcReader(this.paths)];
    const owners = new Set(refs.flatMap((ref) => (ref.engine === 'podman' && ref.ownerUid !== undefined ? [ref.ownerUid] : [])));
    for (const uid of owners) readers.push(podmanReader(this.paths.rootlessPodmanSocket(uid), uid));
    return readers.filter((reader) => reader.wants(refs));
  }

  /** The cached facts of one container, if an engine named it. */
  factsOf(ref: ContainerRef): ContainerFacts | undefined {
    return this.facts.get(factsKey(ref.engine, ref.id));
  }
}

/** Every container of a result's processes, with the containers they are nested in. */
export function containersOf(result: DiscoveryResult): Set<ContainerRef> {
  const found = new Set<ContainerRef>();
  for (const process of result.processes.values()) {
    for (let ref = process.container; ref && !found.has(ref); ref = ref.parent ?? null) found.add(ref);
  }
  return found;
}
