// ECharts' server-side SVG renderer: no DOM, no browser.
import * as echarts from 'echarts';
import { type EChartsOption } from 'echarts';

/**
 * zrender numbers its SVG ids per process: a chart instance counter (`zr3-...`) and a running
 * class counter (`...-cls-17`). Renumbered here in order of first use, so the same option gives
 * byte-identical SVG whatever was rendered before it.
 */
export function canonicalIds(svg: string): string {
  const classes = new Map<string, number>();
  return svg.replace(/zr\d+-/g, 'zr0-').replace(/zr0-cls-\d+/g, (id) => {
    let index = classes.get(id);
    if (index === undefined) {
      index = classes.size;
      classes.set(id, index);
    }
    return `zr0-cls-${index}`;
  });
}

export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return canonicalIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
