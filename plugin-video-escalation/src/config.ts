import type * as Flex from '@twilio/flex-ui';

/**
 * The plugin's settings, read in one place from the Flex configuration (ui_attributes), the way
 * Twilio's plugin template keeps features:
 *
 *   "custom_data": { "features": { "video_escalation": {
 *      "enabled": true,
 *      "functions_base_url": "https://video-escalation-1234-dev.twil.io",
 *      "insights": { "video_used_attribute": 8, "recording_attribute": 9, "duration_measure": 8 } } } }
 *
 * Without `functions_base_url` the Functions are taken from custom_data.serverless_functions_domain.
 */
export interface PluginConfig {
  /** The feature flag: off means the plugin adds nothing to Flex. */
  enabled: boolean;
  functionsBaseUrl: string;
  /** Which Flex Insights custom slots (1–10) carry the video facts. */
  insights: { videoUsedAttribute: number; recordingAttribute: number; durationMeasure: number };
}

interface RawFeature {
  enabled?: boolean;
  functions_base_url?: string;
  insights?: { video_used_attribute?: number; recording_attribute?: number; duration_measure?: number };
}

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
    },
  };
}
