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
    expect(cfg.insights).toEqual({ videoUsedAttribute: 3, recordingAttribute: 9, durationMeasure: 2 });
  });
});
