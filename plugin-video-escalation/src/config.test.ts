import { readPluginConfig } from './config';

const manager = (custom_data: unknown) => ({ configuration: { custom_data } }) as unknown as Parameters<typeof readPluginConfig>[0];

describe('readPluginConfig', () => {
  it('is off unless enabled, and needs somewhere to reach the Functions', () => {
    expect(readPluginConfig(manager(undefined)).enabled).toBe(false);
    expect(readPluginConfig(manager({ features: { video_escalation: { enabled: true } } })).enabled).toBe(false);
    expect(readPluginConfig(manager({ features: { video_escalation: { enabled: 'yes', functions_base_url: 'https://f' } } })).enabled).toBe(false);
  });

  it('reads the Functions from the feature, else from the template’s serverless domain', () => {
    expect(readPluginConfig(manager({ features: { video_escalation: { enabled: true, functions_base_url: 'https://f.twil.io' } } }))).toMatchObject({
      enabled: true,
      functionsBaseUrl: 'https://f.twil.io',
    });
    expect(readPluginConfig(manager({ serverless_functions_domain: 'g.twil.io', features: { video_escalation: { enabled: true } } })).functionsBaseUrl).toBe('https://g.twil.io');
  });

  it('takes Insights slots 1–10 and falls back on bad ones', () => {
    const cfg = readPluginConfig(manager({ features: { video_escalation: { enabled: true, functions_base_url: 'https://f', insights: { video_used_attribute: 3, recording_attribute: 11, duration_measure: 2 } } } }));
    expect(cfg.insights).toMatchObject({ videoUsedAttribute: 3, recordingAttribute: 9, durationMeasure: 2 });
  });

  it('gives the ticket’s measures (#20) their own default slots, none on the call length’s, each movable', () => {
    const defaults = readPluginConfig(manager({ features: { video_escalation: { enabled: true, functions_base_url: 'https://f' } } })).insights;
    expect(defaults).toEqual({
      videoUsedAttribute: 8,
      recordingAttribute: 9,
      durationMeasure: 8,
      callsMeasure: 9,
      callSecondsMeasure: 10,
      customerClipsMeasure: 7,
      agentClipsMeasure: 6,
      clipSecondsMeasure: 5,
      csatMeasure: 4,
    });
    const measures = [defaults.durationMeasure, defaults.callsMeasure, defaults.callSecondsMeasure, defaults.customerClipsMeasure, defaults.agentClipsMeasure, defaults.clipSecondsMeasure, defaults.csatMeasure];
    expect(new Set(measures).size).toBe(measures.length);
    const moved = readPluginConfig(
      manager({ features: { video_escalation: { enabled: true, functions_base_url: 'https://f', insights: { calls_measure: 1, call_seconds_measure: 2, customer_clips_measure: 0, agent_clips_measure: 3, clip_seconds_measure: 2.5, csat_measure: 10 } } } }),
    ).insights;
    expect(moved).toMatchObject({ callsMeasure: 1, callSecondsMeasure: 2, customerClipsMeasure: 7, agentClipsMeasure: 3, clipSecondsMeasure: 5, csatMeasure: 10 });
  });
});
