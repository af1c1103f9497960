/**
 * The two chart themes, as plain data (registered with echarts in echarts-setup.ts). Colors are
 * the Okabe-Ito palette, distinguishable with the common color-vision deficiencies; text colors
 * meet WCAG AA contrast on the card backgrounds of styles.css.
 */
export const SERIES_PALETTE = ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999', '#8C6BB1'];

export type ThemeName = 'dark' | 'light';

export const ECHARTS_THEME_NAMES: Record<ThemeName, string> = { dark: 'tp-dark', light: 'tp-light' };

function theme(text: string, muted: string, grid: string, background: string): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: grid } },
    axisTick: { lineStyle: { color: grid } },
    axisLabel: { color: muted },
    splitLine: { lineStyle: { color: grid, opacity: 0.5 } },
  };
  return {
    color: SERIES_PALETTE,
    backgroundColor: 'transparent',
    textStyle: { color: text },
    legend: { textStyle: { color: text } },
    tooltip: { backgroundColor: background, borderColor: grid, textStyle: { color: text } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
  };
}

export const ECHARTS_THEMES: Record<string, Record<string, unknown>> = {
  'tp-dark': theme('#e6edf3', '#a8b3bf', '#3a4552', '#1c232b'),
  'tp-light': theme('#1f2328', '#4d5560', '#c9d1d9', '#ffffff'),
};
