// Only what the widgets draw is bundled (tree-shaken echarts), in a chunk loaded with the first chart.
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ECHARTS_THEMES } from './chart-theme';

echarts.use([LineChart, BarChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);
for (const [name, theme] of Object.entries(ECHARTS_THEMES)) echarts.registerTheme(name, theme);

export { echarts };
