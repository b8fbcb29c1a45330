import { CustomerLinks } from '../../customer-link';
import { codeOf } from '../../test-support/code-of';
import { agent } from '../../test-support/local-deps';
import { makeResolutionDeps } from '../../test-support/resolution-deps';
import { answerSurvey } from './answer-survey';
import { openSurvey } from './open-survey';
import { resolveTicket } from './resolve-ticket';

const DAY = 24 * 60 * 60;

async function resolved(env: Record<string, string> = {}) {
  const t = await makeResolutionDeps(env);
  await resolveTicket(t.deps, { kind: 'staff', staff: agent }, { conversationId: t.conversationId, source: 'agent' });
  t.advance(30);
  return { ...t, token: await t.surveyToken() };
}

describe('openSurvey', () => {
  it('shows what the page needs: no answers yet, who helped, when it was asked and until when the link works', async () => {
    const t = await resolved();
    expect(await openSurvey(t.deps, t.token)).toEqual({
      answers: { solved: null, score: null },
      agentName: 'Alex',
      askedAt: '2026-11-21T10:00:00.000Z',
      expiresAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it("records the customer's time zone once while it stays the same, and skips names that are no zone", async () => {
    const t = await resolved();
    await openSurvey(t.deps, t.token, { timeZone: 'Europe/Paris' });
    await openSurvey(t.deps, t.token, { timeZone: 'Europe/Paris' });
    await openSurvey(t.deps, t.token, { timeZone: 'Not/AZone' });
    t.advance(1);
    await answerSurvey(t.deps, t.token, { solved: true, timeZone: 'America/New_York' });
    const zones = (await t.supportEvents.list(t.conversationId)).filter((r) => r.event.kind === 'time_zone').map((r) => r.event);
    expect(zones).toEqual([
      { kind: 'time_zone', side: 'customer', zone: 'Europe/Paris' },
      { kind: 'time_zone', side: 'customer', zone: 'America/New_York' },
    ]);
  });

  it('refuses an expired link with link_expired, and forged, tampered or other links with link_invalid', async () => {
    const t = await resolved();
    const forged = await new CustomerLinks('another-secret-that-is-long-enough-1234567', 'http://127.0.0.1:3000').signSurvey({
      conversationId: t.conversationId,
      linkId: 'x',
      expiresAt: new Date('2026-12-01T00:00:00Z'),
    });
    // Signed with the right key, but for no survey in the chat.
    const stray = await t.deps.links.signSurvey({ conversationId: t.conversationId, linkId: 'nope', expiresAt: new Date('2026-12-01T00:00:00Z') });
    const clipLink = await t.deps.links.signClip({ clipId: 'c', conversationId: t.conversationId, customerIdentity: 'cust', linkId: 'l', expiresAt: new Date('2026-12-01T00:00:00Z') });
    const tampered = `${t.token.slice(0, -3)}${t.token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    for (const token of [forged, stray, clipLink, tampered, 'not-a-token']) {
      expect(await codeOf(openSurvey(t.deps, token))).toBe('401 link_invalid');
      expect(await codeOf(answerSurvey(t.deps, token, { solved: true }))).toBe('401 link_invalid');
    }
    t.advance(7 * DAY);
    expect(await codeOf(openSurvey(t.deps, t.token))).toBe('401 link_expired');
    expect(await codeOf(answerSurvey(t.deps, t.token, { score: 5 }))).toBe('401 link_expired');
    expect(await t.kinds()).toEqual(['resolved']);
  });
});

describe('answerSurvey', () => {
  it('stores both answers, shows them on the survey message and publishes csat.received with the score', async () => {
    const t = await resolved();
    const first = await answerSurvey(t.deps, t.token, { solved: true });
    expect(first).toMatchObject({ answers: { solved: true, score: null }, kept: [] });
    expect(t.outbound.events.map((e) => e.type)).toEqual(['ticket.resolved']);
    t.advance(5);
    const second = await answerSurvey(t.deps, t.token, { score: 4 });

    expect(second).toMatchObject({ answers: { solved: true, score: 4 }, kept: [] });
    expect((await t.supportEvents.list(t.conversationId)).map((r) => r.event)).toEqual([
      { kind: 'resolved', by: 'alex', source: 'agent' },
      { kind: 'confirmed', solved: true },
      { kind: 'csat', score: 4 },
    ]);
    const [survey] = await t.surveys();
    expect(survey!.attributes.answers).toEqual({ solved: true, score: 4 });
    expect(t.outbound.events.filter((e) => e.type === 'csat.received')).toEqual([
      { id: `csat.received:${t.conversationId}`, type: 'csat.received', occurredAt: '2026-11-21T10:00:35.000Z', conversationId: t.conversationId, data: { score: 4, solved: true } },
    ]);
  });

  it('keeps the first answers: a repeat changes nothing, says what was kept and publishes nothing new', async () => {
    const t = await resolved();
    await answerSurvey(t.deps, t.token, { solved: true, score: 4 });
    const repeat = await answerSurvey(t.deps, t.token, { solved: false, score: 1 });

    expect(repeat).toMatchObject({ answers: { solved: true, score: 4 }, kept: ['solved', 'score'] });
    // Both answers came at one instant: compare without their order.
    expect((await t.kinds()).sort()).toEqual(['confirmed', 'csat', 'resolved']);
    expect((await t.surveys())[0]!.attributes.answers).toEqual({ solved: true, score: 4 });
    expect(t.outbound.events.filter((e) => e.type === 'csat.received').map((e) => e.data)).toEqual([{ score: 4, solved: true }]);
    expect(await openSurvey(t.deps, t.token)).toMatchObject({ answers: { solved: true, score: 4 } });
  });

  it('refuses a score that is not a whole number from 1 to 5, and an answer with nothing in it, storing nothing', async () => {
    const t = await resolved();
    for (const score of [0, 6, 3.5, -1, Number.NaN]) {
      expect(await codeOf(answerSurvey(t.deps, t.token, { score }))).toBe('400 score_invalid');
    }
    expect(await codeOf(answerSurvey(t.deps, t.token, {}))).toBe('400 answer_required');
    expect(await t.kinds()).toEqual(['resolved']);
    expect(t.outbound.events.map((e) => e.type)).toEqual(['ticket.resolved']);
  });

  it('accepts every score from 1 to 5', async () => {
    for (const score of [1, 2, 3, 4, 5]) {
      const t = await resolved();
      expect((await answerSurvey(t.deps, t.token, { score })).answers.score).toBe(score);
    }
  });
});
