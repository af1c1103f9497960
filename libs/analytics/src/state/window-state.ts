import { type CloudTrailLikeRecord } from '@trailpulse/event-schema';
import { type CompiledCustomMetric, type CustomAccumulator } from '../custom/custom-metric';
import { type CallFacts, EC2_EVENT_SOURCE } from '../facts/call-facts';
import { windowStartMs } from '../window';
import { type WindowMetrics } from '../output/metrics-output';
import { SpaceSaving, type SpaceSavingParts, type SpaceSavingSnapshot } from '../sketch';
import { apiCallKey } from './api-call-key';
import { WINDOW_PARTIAL_VERSION, type WindowPartial } from './window-partial';
import { WindowStateError } from './window-state-error';

/** What every window of one engine shares; partials only merge between equal configurations. */
export interface WindowStateConfig {
  readonly windowMs: number;
  readonly sketchCapacity: number;
  readonly customMetrics: readonly CompiledCustomMetric[];
}

/**
 * A window's state handed from a scan worker to the thread that merges it: raw, unsorted and
 * unchecked (see {@link WindowState.transfer}); not a checkpoint format, use snapshot() for that.
 */
export interface WindowTransfer {
  readonly startMs: number;
  readonly totalCalls: number;
  readonly ec2SuccessfulCalls: number;
  readonly services: readonly [string[], number[]];
  readonly categories: readonly [number, number, number, number, number];
  readonly sketches: readonly [SpaceSavingParts, SpaceSavingParts, SpaceSavingParts];
  /** Custom accumulator snapshots in `config.customMetrics` order. */
  readonly custom: readonly unknown[];
}

/** The built-in top-K lists, in the order `approximate` names them. */
const TOP_LISTS = ['topApiCalls', 'topUsers', 'topIps'] as const;
type TopListName = (typeof TOP_LISTS)[number];

const NO_IP: WindowMetrics['maxCallsByIp'] = { key: '', count: 0 };

/**
 * One window's mergeable partial state: everything metrics.md computes per window, bounded by the
 * sketch capacity (callsByService is exact and bounded by the number of AWS event sources).
 * Built-in metrics count API calls only; custom accumulators see every accepted record and filter
 * themselves.
 */
export class WindowState {
  private apiCalls = 0;
  private ec2SuccessfulCalls = 0;
  /** Calls per eventSource, in boxes so that counting one is a single Map lookup. */
  private readonly callsByService = new Map<string, { calls: number }>();
  // callsByCategory as fields: one switch per record, no object lookup by a string key.
  private create = 0;
  private modify = 0;
  private delete = 0;
  private read = 0;
  private other = 0;
  private topApiCalls: SpaceSaving;
  private topUsers: SpaceSaving;
  private topIps: SpaceSaving;
  /** One accumulator per custom metric, in `config.customMetrics` order. */
  private readonly custom: CustomAccumulator[];

  constructor(
    readonly startMs: number,
    readonly config: WindowStateConfig,
    sketches?: readonly [SpaceSavingParts, SpaceSavingParts, SpaceSavingParts],
  ) {
    this.topApiCalls = sketches === undefined ? new SpaceSaving(config.sketchCapacity) : SpaceSaving.fromParts(sketches[0]);
    this.topUsers = sketches === undefined ? new SpaceSaving(config.sketchCapacity) : SpaceSaving.fromParts(sketches[1]);
    this.topIps = sketches === undefined ? new SpaceSaving(config.sketchCapacity) : SpaceSaving.fromParts(sketches[2]);
    this.custom = config.customMetrics.map((metric) => metric.createAccumulator());
  }

  /** metrics.md `totalCalls`: API calls counted so far. */
  get totalCalls(): number {
    return this.apiCalls;
  }

  get endMs(): number {
    return this.startMs + this.config.windowMs;
  }

  /** Counts one accepted record of this window. */
  add(facts: CallFacts, record: CloudTrailLikeRecord): void {
    for (const accumulator of this.custom) accumulator.add(record, facts);
    if (!facts.isApiCall) return;
    this.apiCalls++;
    const service = this.callsByService.get(facts.eventSource);
    if (service === undefined) this.callsByService.set(facts.eventSource, { calls: 1 });
    else service.calls++;
    switch (facts.category) {
      case 'create':
        this.create++;
        break;
      case 'modify':
        this.modify++;
        break;
      case 'delete':
        this.delete++;
        break;
      case 'read':
        this.read++;
        break;
      case 'other':
        this.other++;
        break;
    }
    this.topApiCalls.offer(apiCallKey(facts.eventSource, facts.eventName));
    this.topUsers.offer(facts.identity);
    this.topIps.offer(facts.sourceIp);
    if (facts.successful && facts.eventSource === EC2_EVENT_SOURCE) this.ec2SuccessfulCalls++;
  }

  /**
   * Folds another partial of the same window into this one (`other` is not changed). Order and
   * grouping of merges do not change the result while every list fits the sketch capacity.
   * @throws WindowStateError when `other` is another window or was built with another configuration.
   */
  /** Many merges follow: the top-K sketches cut their unions back once, when next read (SpaceSaving.deferTruncation). */
  deferSketchTruncation(): void {
    this.topApiCalls.deferTruncation();
    this.topUsers.deferTruncation();
    this.topIps.deferTruncation();
  }

  merge(other: WindowState): void {
    this.assertMergeable(other);
    this.fold(other);
  }

  /**
   * A copy of this state as a contribution to the window of `windowMs` that holds it: windows align
   * to multiples of their length since the epoch, so when `windowMs` is a multiple of this window's
   * length this window lies in exactly one of them, and merging such copies equals one engine run
   * at the coarse length (while the sketches stay within capacity, as for any merge). What a
   * store's roll-up rows are made of. Only for states without custom metrics: a custom metric may
   * fix its window length, and which ones roll up is the caller's question.
   * @throws WindowStateError when `windowMs` is not a larger multiple, or the state has custom metrics.
   */
  rolledUp(windowMs: number): WindowState {
    if (!Number.isSafeInteger(windowMs) || windowMs <= this.config.windowMs || windowMs % this.config.windowMs !== 0) {
      throw new WindowStateError(`cannot roll ${this.config.windowMs} ms windows up into ${windowMs} ms windows: not a larger multiple`);
    }
    if (this.custom.length > 0) throw new WindowStateError('cannot roll up a window state with custom metrics');
    const coarse = new WindowState(windowStartMs(this.startMs, windowMs), { ...this.config, windowMs });
    coarse.fold(this);
    return coarse;
  }

  /** Adds `other`'s counts, sketches and custom states to this state's (checked by the callers). */
  private fold(other: WindowState): void {
    this.apiCalls += other.apiCalls;
    this.ec2SuccessfulCalls += other.ec2SuccessfulCalls;
    for (const [eventSource, { calls }] of other.callsByService) this.addServiceCalls(eventSource, calls);
    this.create += other.create;
    this.modify += other.modify;
    this.delete += other.delete;
    this.read += other.read;
    this.other += other.other;
    this.topApiCalls.merge(other.topApiCalls);
    this.topUsers.merge(other.topUsers);
    this.topIps.merge(other.topIps);
    this.custom.forEach((accumulator, i) => accumulator.merge(other.custom[i] as CustomAccumulator));
  }

  /** The accumulator of custom metric `index` (in `config.customMetrics` order), for the engine's series. */
  customAccumulator(index: number): CustomAccumulator {
    const accumulator = this.custom[index];
    if (accumulator === undefined) throw new WindowStateError(`no custom metric at index ${index}`);
    return accumulator;
  }

  /**
   * The window's metrics exactly as metrics.md shapes them. `customValues` (by metric index) replace
   * accumulator results where the engine's series computed the value.
   */
  toMetrics(topK: number, anomalyScore: number, customValues?: ReadonlyMap<number, unknown>): WindowMetrics {
    const topIps = this.topIps.top(topK);
    // metrics.md maxCallsByIp: most calls, ties to the smallest key, which is the order of topIps too.
    const busiestIp = topIps[0];
    const approximate = TOP_LISTS.filter((name) => !this.sketch(name).exact);
    const metrics: WindowMetrics = {
      totalCalls: this.totalCalls,
      callsByService: Object.fromEntries(this.servicesInKeyOrder()),
      callsByCategory: { create: this.create, modify: this.modify, delete: this.delete, read: this.read, other: this.other },
      topApiCalls: this.topApiCalls.top(topK),
      topUsers: this.topUsers.top(topK),
      topIps,
      maxCallsByIp: busiestIp === undefined ? NO_IP : { key: busiestIp.key, count: busiestIp.count },
      ec2SuccessfulCalls: this.ec2SuccessfulCalls,
      anomalyScore,
    };
    return {
      ...metrics,
      ...(approximate.length > 0 ? { approximate } : {}),
      ...(this.custom.length > 0 ? { custom: this.customResults(customValues) } : {}),
    };
  }

  /**
   * The state as compact, canonical JSON (see {@link WindowPartial}). `canonical: false` leaves each
   * top-K sketch in its slots' order (SpaceSaving.snapshot): the same state, restored and read the
   * same, without sorting three lists of up to `sketchCapacity` keys.
   */
  snapshot(canonical = true): WindowPartial {
    const services = this.servicesInKeyOrder();
    const partial: WindowPartial = {
      version: WINDOW_PARTIAL_VERSION,
      startMs: this.startMs,
      windowMs: this.config.windowMs,
      totalCalls: this.totalCalls,
      services: [services.map(([service]) => service), services.map(([, calls]) => calls)],
      categories: [this.create, this.modify, this.delete, this.read, this.other],
      ec2SuccessfulCalls: this.ec2SuccessfulCalls,
      topApiCalls: this.topApiCalls.snapshot(canonical),
      topUsers: this.topUsers.snapshot(canonical),
      topIps: this.topIps.snapshot(canonical),
    };
    if (this.custom.length === 0) return partial;
    const custom = Object.fromEntries(this.custom.map((accumulator, i) => [this.metricId(i), accumulator.snapshot()]));
    return { ...partial, custom };
  }

  /**
   * The state for {@link WindowState.fromTransfer} / {@link mergeTransfer} on another thread of the
   * same run. Nothing is sorted or copied: this state must not be used afterwards.
   */
  transfer(): WindowTransfer {
    const serviceKeys: string[] = [];
    const serviceCalls: number[] = [];
    for (const [eventSource, { calls }] of this.callsByService) {
      serviceKeys.push(eventSource);
      serviceCalls.push(calls);
    }
    return {
      startMs: this.startMs,
      totalCalls: this.apiCalls,
      ec2SuccessfulCalls: this.ec2SuccessfulCalls,
      services: [serviceKeys, serviceCalls],
      categories: [this.create, this.modify, this.delete, this.read, this.other],
      sketches: [this.topApiCalls.parts(), this.topUsers.parts(), this.topIps.parts()],
      custom: this.custom.map((accumulator) => accumulator.snapshot()),
    };
  }

  /** The state {@link transfer} handed over, in an engine of the same configuration. */
  static fromTransfer(transfer: WindowTransfer, config: WindowStateConfig): WindowState {
    const state = new WindowState(transfer.startMs, config, transfer.sketches);
    state.addTransferCounts(transfer);
    state.restoreCustom(transfer.custom);
    return state;
  }

  /** {@link merge} of a state handed over by {@link transfer} (same window and configuration). */
  mergeTransfer(transfer: WindowTransfer): void {
    if (transfer.startMs !== this.startMs) throw new WindowStateError(`cannot merge window ${transfer.startMs} into window ${this.startMs}`);
    this.addTransferCounts(transfer);
    this.topApiCalls.mergeParts(transfer.sketches[0]);
    this.topUsers.mergeParts(transfer.sketches[1]);
    this.topIps.mergeParts(transfer.sketches[2]);
    if (this.custom.length === 0) return;
    const other = new WindowState(this.startMs, this.config);
    other.restoreCustom(transfer.custom);
    this.custom.forEach((accumulator, i) => accumulator.merge(other.custom[i] as CustomAccumulator));
  }

  private addTransferCounts(transfer: WindowTransfer): void {
    this.apiCalls += transfer.totalCalls;
    this.ec2SuccessfulCalls += transfer.ec2SuccessfulCalls;
    const [services, calls] = transfer.services;
    for (let i = 0; i < services.length; i++) this.addServiceCalls(services[i] as string, calls[i] as number);
    const [create, modify, del, read, other] = transfer.categories;
    this.create += create;
    this.modify += modify;
    this.delete += del;
    this.read += read;
    this.other += other;
  }

  private restoreCustom(saved: readonly unknown[]): void {
    this.config.customMetrics.forEach((metric, i) => {
      try {
        this.custom[i] = metric.restoreAccumulator(saved[i]);
      } catch (error) {
        throw new WindowStateError(`custom metric "${metric.id}" could not restore its state`, { cause: error });
      }
    });
  }

  /**
   * A window state from a {@link snapshot}, possibly read back from JSON. Custom metrics missing
   * from the partial (defined after it was written) start empty; snapshots of metrics no longer
   * defined are ignored.
   * @throws WindowStateError when the partial is malformed or was written with another window
   * length or sketch capacity.
   */
  static restore(partial: WindowPartial, config: WindowStateConfig): WindowState {
    checkPartial(partial, config);
    const state = new WindowState(partial.startMs, config);
    state.apiCalls = partial.totalCalls;
    state.ec2SuccessfulCalls = partial.ec2SuccessfulCalls;
    const [services, calls] = partial.services;
    services.forEach((eventSource, i) => state.addServiceCalls(eventSource, calls[i] as number));
    [state.create, state.modify, state.delete, state.read, state.other] = partial.categories;
    // An empty sketch merged with a restored one is that sketch: take it as it is (restore copied the arrays).
    state.topApiCalls = restoreSketch(partial.topApiCalls, 'topApiCalls');
    state.topUsers = restoreSketch(partial.topUsers, 'topUsers');
    state.topIps = restoreSketch(partial.topIps, 'topIps');
    config.customMetrics.forEach((metric, i) => {
      // Own properties only: an id such as "constructor" must not find Object.prototype's.
      const saved = partial.custom !== undefined && Object.hasOwn(partial.custom, metric.id) ? partial.custom[metric.id] : undefined;
      if (saved === undefined) return;
      try {
        state.custom[i] = metric.restoreAccumulator(saved);
      } catch (error) {
        throw new WindowStateError(`custom metric "${metric.id}" could not restore its state`, { cause: error });
      }
    });
    return state;
  }

  private sketch(name: TopListName): SpaceSaving {
    return this[name];
  }

  private addServiceCalls(eventSource: string, calls: number): void {
    const service = this.callsByService.get(eventSource);
    if (service === undefined) this.callsByService.set(eventSource, { calls });
    else service.calls += calls;
  }

  private servicesInKeyOrder(): [string, number][] {
    return [...this.callsByService]
      .map(([eventSource, { calls }]): [string, number] => [eventSource, calls])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private customResults(values: ReadonlyMap<number, unknown> | undefined): Record<string, unknown> {
    return Object.fromEntries(this.custom.map((accumulator, i) => [this.metricId(i), values?.has(i) === true ? values.get(i) : accumulator.result()]));
  }

  private metricId(index: number): string {
    return (this.config.customMetrics[index] as CompiledCustomMetric).id;
  }

  private assertMergeable(other: WindowState): void {
    if (other.startMs !== this.startMs || other.config.windowMs !== this.config.windowMs) {
      throw new WindowStateError(
        `cannot merge window ${other.startMs} (+${other.config.windowMs} ms) into window ${this.startMs} (+${this.config.windowMs} ms)`,
      );
    }
    if (other.config.sketchCapacity !== this.config.sketchCapacity) {
      throw new WindowStateError(
        `cannot merge a window of sketch capacity ${other.config.sketchCapacity} into one of capacity ${this.config.sketchCapacity}`,
      );
    }
    const ids = this.config.customMetrics.map((metric) => metric.id).join('\n');
    const otherIds = other.config.customMetrics.map((metric) => metric.id).join('\n');
    if (ids !== otherIds) throw new WindowStateError('cannot merge windows computed with different custom metrics');
  }
}

function restoreSketch(snapshot: SpaceSavingSnapshot, name: TopListName): SpaceSaving {
  try {
    return SpaceSaving.restore(snapshot);
  } catch (error) {
    throw new WindowStateError(`window partial has an unreadable ${name} sketch`, { cause: error });
  }
}

function checkPartial(partial: WindowPartial, config: WindowStateConfig): void {
  if (typeof partial !== 'object' || partial === null) throw new WindowStateError('window partial is not an object');
  if (partial.version !== WINDOW_PARTIAL_VERSION) {
    throw new WindowStateError(`window partial version ${String(partial.version)} is not supported (expected ${WINDOW_PARTIAL_VERSION})`);
  }
  if (partial.windowMs !== config.windowMs) {
    throw new WindowStateError(`window partial is for ${partial.windowMs} ms windows, the engine runs ${config.windowMs} ms windows`);
  }
  if (!Number.isSafeInteger(partial.startMs) || partial.startMs % config.windowMs !== 0) {
    throw new WindowStateError(`window partial start ${String(partial.startMs)} is not a multiple of the window length`);
  }
  for (const name of TOP_LISTS) {
    const capacity = partial[name]?.capacity;
    if (capacity !== config.sketchCapacity) {
      throw new WindowStateError(`window partial ${name} has sketch capacity ${String(capacity)}, the engine uses ${config.sketchCapacity}`);
    }
  }
  const { totalCalls, ec2SuccessfulCalls, services, categories } = partial;
  const servicesOk =
    Array.isArray(services) &&
    Array.isArray(services[0]) &&
    Array.isArray(services[1]) &&
    services[0].length === services[1].length &&
    services[0].every((service) => typeof service === 'string') &&
    new Set(services[0]).size === services[0].length &&
    services[1].every((calls) => isCount(calls) && calls > 0);
  const categoriesOk = Array.isArray(categories) && categories.length === 5 && categories.every(isCount);
  if (!isCount(totalCalls) || !isCount(ec2SuccessfulCalls) || !servicesOk || !categoriesOk) {
    throw new WindowStateError('window partial counts are malformed');
  }
  if (sum(services[1]) !== totalCalls || sum(categories) !== totalCalls || ec2SuccessfulCalls > totalCalls) {
    throw new WindowStateError('window partial counts disagree with its totalCalls');
  }
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
