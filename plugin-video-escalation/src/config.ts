import type * as Flex from '@twilio/flex-ui';

/**
 * The plugin's settings, read in one place from the Flex configuration (ui_attributes), the way
 * Twilio's plugin template keeps features:
 *
 *   "custom_data": { "features": { "video_escalation": {
 *      "enabled": true,
 *      "functions_base_url": "https://video-escalation-1234-dev.twil.io",
 *      "insights": { "video_used_attribute": 8, "recording_attribute": 9, "duration_measure": 8,
 *                    "calls_measure": 9, "call_seconds_measure": 10, "customer_clips_measure": 7,
 *                    "agent_clips_measure": 6, "clip_seconds_measure": 5, "csat_measure": 4 } } } }
 *
 * Without `functions_base_url` the Functions are taken from custom_data.serverless_functions_domain.
 * The Insights slots (custom conversation attributes and measures, 1–10 each) carry, at the task's
 * completion: attributes, video used (8) and a recording exists (9); measures, the call's length
 * at wrap-up (8) and the ticket's totals (#20): calls (9), call seconds (10), customer clips (7),
 * agent clips (6), clip seconds (5) and the survey's CSAT score 1–5 (4, only once answered). The
 * defaults take the high slots so an account's own custom data keeps 1–3; move any that collide.
 */
export interface PluginConfig {
  /** The feature flag: off means the plugin adds nothing to Flex. */
  enabled: boolean;
  functionsBaseUrl: string;
  /** Which Flex Insights custom slots (1–10) carry the video facts. */
  insights: InsightsSlots;
}

export interface InsightsSlots {
  videoUsedAttribute: number;
  recordingAttribute: number;
  durationMeasure: number;
  callsMeasure: number;
  callSecondsMeasure: number;
  customerClipsMeasure: number;
  agentClipsMeasure: number;
  clipSecondsMeasure: number;
  csatMeasure: number;
}

interface RawFeature {
  enabled?: boolean;
  functions_base_url?: string;
  insights?: Partial<Record<RawSlot, number>>;
}

type RawSlot =
  | 'video_used_attribute'
  | 'recording_attribute'
  | 'duration_measure'
  | 'calls_measure'
  | 'call_seconds_measure'
  | 'customer_clips_measure'
  | 'agent_clips_measure'
  | 'clip_seconds_measure'
  | 'csat_measure';

interface RawCustomData {
  serverless_functions_domain?: string;
  features?: { video_escalation?: RawFeature };
}

const slot = (n: unknown, fallback: number) => (Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 10 ? (n as number) : fallback);

export function readPluginConfig(manager: Pick<Flex.Manager, 'configuration'>): PluginConfig {
  // Flex's Config type has no index signature for custom keys: cast, as the template does.
  const custom = (manager.configuration as unknown as { custom_data?: RawCustomData }).custom_data ?? {};
  const feature = custom.features?.video_escalation ?? {};
  const domain = custom.serverless_functions_domain;
  const functionsBaseUrl = feature.functions_base_url ?? (domain ? `https://${domain}` : '');
  return {
    enabled: feature.enabled === true && functionsBaseUrl !== '',
    functionsBaseUrl,
    insights: {
      videoUsedAttribute: slot(feature.insights?.video_used_attribute, 8),
      recordingAttribute: slot(feature.insights?.recording_attribute, 9),
      durationMeasure: slot(feature.insights?.duration_measure, 8),
      callsMeasure: slot(feature.insights?.calls_measure, 9),
      callSecondsMeasure: slot(feature.insights?.call_seconds_measure, 10),
      customerClipsMeasure: slot(feature.insights?.customer_clips_measure, 7),
      agentClipsMeasure: slot(feature.insights?.agent_clips_measure, 6),
      clipSecondsMeasure: slot(feature.insights?.clip_seconds_measure, 5),
      csatMeasure: slot(feature.insights?.csat_measure, 4),
    },
  };
}
