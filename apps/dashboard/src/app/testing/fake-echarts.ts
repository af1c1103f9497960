import { type Provider } from '@angular/core';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';

type Handler = (event: unknown) => void;

/** Stands in for an echarts instance (jsdom has no canvas): records options, and lets tests click. */
export class FakeChart {
  readonly setOptionCalls: { option: Record<string, unknown>; notMerge: unknown }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private disposed = false;

  constructor(readonly dom: HTMLElement) {}

  setOption(option: Record<string, unknown>, notMerge?: unknown): void {
    this.setOptionCalls.push({ option, notMerge });
  }
  on(event: string, handler: Handler): void {
    this.handlers.set(event, handler);
  }
  off(event: string): void {
    this.handlers.delete(event);
  }
  /** Emits a chart event the way echarts does (e.g. a click on a data item). */
  trigger(event: string, payload: unknown): void {
    this.handlers.get(event)?.(payload);
  }
  isDisposed(): boolean {
    return this.disposed;
  }
  dispose(): void {
    this.disposed = true;
  }
  resize(): void {
    // Nothing to lay out in jsdom.
  }
  showLoading(): void {
    // Not drawn in tests.
  }
  hideLoading(): void {
    // Not drawn in tests.
  }
}

/** A fake echarts module: every `init` makes a FakeChart, kept in `charts`. */
export class FakeEcharts {
  readonly charts: FakeChart[] = [];
  readonly init = (dom: HTMLElement): FakeChart => {
    const chart = new FakeChart(dom);
    this.charts.push(chart);
    return chart;
  };

  /** The chart drawn inside the card whose heading is `heading`. */
  chartIn(root: HTMLElement, heading: string): FakeChart {
    const card = [...root.querySelectorAll('section.card')].find((section) => section.querySelector('h2')?.textContent?.trim() === heading);
    const chart = this.charts.find((candidate) => card?.contains(candidate.dom) === true && !candidate.isDisposed());
    if (chart === undefined) throw new Error(`no chart under the heading "${heading}"`);
    return chart;
  }

  provide(): Provider {
    return { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: this } };
  }
}

/** ngx-echarts creates its chart in a timeout after view init; this waits for it (and its promises). */
export async function settleCharts(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
