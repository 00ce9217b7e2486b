import { buildJourneyConfig } from './build-journey-config.js';
import { describeJourney } from './describe-journey.js';
import { type JourneySpec, JourneySpecSchema } from './journey-spec.js';
import { parseChartSpec } from './parse-chart-spec.js';
import { type RenderedChart, renderPng } from './render-png.js';

/** Draws one child's milestones on a date axis as a PNG, with alt text listing each milestone and date. */
export async function renderJourneyTimeline(input: JourneySpec): Promise<RenderedChart> {
  const spec = parseChartSpec(JourneySpecSchema, input, 'journey timeline');
  const { png, width, height } = await renderPng(buildJourneyConfig(spec));
  return { png, alt: describeJourney(spec), width, height };
}
