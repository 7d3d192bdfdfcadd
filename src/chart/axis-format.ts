// What the charts' axes and legends print, in the UI language: times through Intl (uPlot's own
// templates print English: `6pm`), and value axes as wide as their widest label (`US$19.5亿`
// needs more room than `$1.95B`).
import uPlot from 'uplot';
import { fmt } from '../words';

/** Time ticks: days (`11/25`), or hours (`6 PM`, `18时`) where ticks are less than a day apart. */
export const timeTicks: uPlot.Axis['values'] = (_u, ticks, _axis, _space, spacing) =>
  ticks.map((tick) => fmt.timeTick(tick, spacing));

/** The legend's moment under the cursor: `Nov 25, 3:00 PM`, `11月25日 15:00`. */
export const timeValue = (_u: uPlot, value: number | null) => fmt.localMoment(value);

/** A value axis's width: its widest label's, and never less than `least`. */
export function fitLabels(least: number): uPlot.Axis.Size {
  return (u, labels, axisIndex) => {
    const axis = u.axes[axisIndex];
    if (!axis || !labels || labels.length === 0) return least;
    // Once set up, uPlot holds an axis's font as [CSS font, size], scaled to device pixels.
    const [font] = axis.font as unknown as [string];
    u.ctx.font = font;
    const widest = Math.max(...labels.map((label) => u.ctx.measureText(label).width));
    const room = widest / uPlot.pxRatio + (axis.ticks?.size ?? 0) + (axis.gap ?? 0);
    return Math.max(least, Math.ceil(room));
  };
}
