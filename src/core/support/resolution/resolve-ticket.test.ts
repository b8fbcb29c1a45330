import type { Config } from '../../../config';
import { codeOf } from '../../test-support/code-of';
import { agent } from '../../test-support/local-deps';
import { makeResolutionDeps } from '../../test-support/resolution-deps';
import { answerSurvey } from './answer-survey';
import { resolveTicket } from './resolve-ticket';
import { surveyLinkTtlMs } from './survey-link';
import { SMS_BODY_MAX_CHARS } from './survey-message';

const byAgent = { kind: 'staff' as const, staff: agent };
const DAY = 24 * 60 * 60;

describe('resolveTicket', () => {
  it('records the resolution by the agent, posts one survey whose body carries the link within SMS length, and publishes ticket.resolved', async () => {
    const t = await makeResolutionDeps();
    const result = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });

    expect(result).toEqual({ conversationId: t.conversationId, resolvedAt: '2026-11-21T10:00:00.000Z', resolution: 1, alreadyResolved: false, survey: 'posted' });
    const events = await t.supportEvents.list(t.conversationId);
    expect(events.map((r) => r.event)).toEqual([{ kind: 'resolved', by: 'alex', source: 'agent' }]);
    const [survey] = await t.surveys();
    const url = String(survey!.attributes.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/survey\.html#t=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(survey!.body).toBe(`Thanks for contacting us. Did this solve your problem? Tell us here: ${url}`);
    expect(survey!.body.length).toBeLessThanOrEqual(SMS_BODY_MAX_CHARS);
    expect(survey!.author).toBe('Alex');
    expect(survey!.attributes).toMatchObject({ agentName: 'Alex', expiresAt: '2026-11-28T10:00:00.000Z', idempotencyKey: `survey:${events[0]!.id}` });
    expect(JSON.stringify(survey!.attributes).length).toBeLessThan(4096);
    expect(t.outbound.events).toEqual([
      {
        id: `ticket.resolved:${t.conversationId}:1`,
        type: 'ticket.resolved',
        occurredAt: '2026-11-21T10:00:00.000Z',
        conversationId: t.conversationId,
        data: { resolution: 1, source: 'agent', disposition: null, resolvedBy: 'alex' },
      },
    ]);
  });

  it('is idempotent: resolving again (the task completes after Resolve) records nothing and posts no second survey', async () => {
    const t = await makeResolutionDeps();
    await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });
    const publish = jest.spyOn(t.outbound, 'publish');
    t.advance(60);
    const again = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'task_completed', disposition: 'fixed' });

    expect(again).toMatchObject({ resolution: 1, alreadyResolved: true, survey: 'pending', resolvedAt: '2026-11-21T10:00:00.000Z' });
    expect(await t.kinds()).toEqual(['resolved']);
    expect(await t.surveys()).toHaveLength(1);
    // Published again under the same id (what a retry after a crash relies on), queued once.
    expect(publish).toHaveBeenCalledTimes(1);
    expect(t.outbound.events.map((e) => e.id)).toEqual([`ticket.resolved:${t.conversationId}:1`]);
  });

  it('posts the survey a crashed first attempt missed, for the resolution already recorded', async () => {
    const t = await makeResolutionDeps();
    await t.supportEvents.append(t.conversationId, { kind: 'resolved', by: 'alex', source: 'agent' }, new Date('2026-11-21T09:59:00Z'));
    const retried = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });
    expect(retried).toMatchObject({ alreadyResolved: true, survey: 'posted', resolvedAt: '2026-11-21T09:59:00.000Z' });
    expect(await t.surveys()).toHaveLength(1);
  });

  it('records a new resolution once the customer wrote again, with no second survey while the first can still be answered', async () => {
    const t = await makeResolutionDeps();
    await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });
    t.advance(60);
    await t.supportEvents.append(t.conversationId, { kind: 'message', side: 'customer', hasMedia: false }, t.deps.clock.now());
    t.advance(60);
    const second = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'task_completed', disposition: ' reset-router ' });

    expect(second).toMatchObject({ resolution: 2, alreadyResolved: false, survey: 'pending' });
    expect((await t.supportEvents.list(t.conversationId)).map((r) => r.event).at(-1)).toEqual({ kind: 'resolved', by: 'alex', source: 'task_completed', disposition: 'reset-router' });
    expect(await t.surveys()).toHaveLength(1);
    expect(t.outbound.events.map((e) => [e.id, e.data.disposition])).toEqual([
      [`ticket.resolved:${t.conversationId}:1`, null],
      [`ticket.resolved:${t.conversationId}:2`, 'reset-router'],
    ]);
  });

  it('reopens when the customer answers "no", and the next resolution posts no survey: answers are kept once per ticket', async () => {
    const t = await makeResolutionDeps();
    await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });
    t.advance(30);
    await answerSurvey(t.deps, await t.surveyToken(), { solved: false });
    t.advance(600);
    const second = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });

    expect(second).toMatchObject({ resolution: 2, alreadyResolved: false, survey: 'answered' });
    expect(await t.kinds()).toEqual(['resolved', 'confirmed', 'resolved']);
    expect(await t.surveys()).toHaveLength(1);
  });

  it('posts a new survey when the last one expired unanswered and the ticket was resolved again', async () => {
    const t = await makeResolutionDeps();
    await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' });
    t.advance(8 * DAY);
    expect(await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' })).toMatchObject({ alreadyResolved: true, survey: 'expired' });
    await t.supportEvents.append(t.conversationId, { kind: 'message', side: 'customer', hasMedia: false }, t.deps.clock.now());
    t.advance(60);

    expect(await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent' })).toMatchObject({ resolution: 2, survey: 'posted' });
    const surveys = await t.surveys();
    expect(surveys).toHaveLength(2);
    expect(surveys[1]!.attributes.surveyId).not.toBe(surveys[0]!.attributes.surveyId);
  });

  it('records the resolution of a closed conversation but posts nothing into it', async () => {
    const t = await makeResolutionDeps();
    await t.deps.privacy.close({ conversationId: t.conversationId, closedAt: '2026-11-21T09:00:00.000Z', closedBy: 'alex', source: 'console' });
    const result = await resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'task_completed' });
    expect(result).toMatchObject({ resolution: 1, survey: 'not_sent' });
    expect(await t.kinds()).toEqual(['resolved']);
    expect(await t.surveys()).toHaveLength(0);
  });

  it('lets the system resolve: its id is recorded, the message has the system author and names no agent', async () => {
    const t = await makeResolutionDeps();
    await resolveTicket(t.deps, { kind: 'system', id: 'system:conversation-state' }, { conversationId: t.conversationId, source: 'conversation_closed' });
    expect((await t.supportEvents.list(t.conversationId))[0]!.event).toEqual({ kind: 'resolved', by: 'system:conversation-state', source: 'conversation_closed' });
    const [survey] = await t.surveys();
    expect(survey!.author).toBe('system');
    expect(survey!.attributes.agentName).toBeUndefined();
  });

  it('refuses callers without an agent role, unknown conversations and a disposition that is not a code', async () => {
    const t = await makeResolutionDeps();
    const customerLike = { kind: 'staff' as const, staff: { identity: 'x', name: 'X', roles: [] } };
    expect(await codeOf(resolveTicket(t.deps, customerLike, { conversationId: t.conversationId, source: 'agent' }))).toBe('403 role_required');
    expect(await codeOf(resolveTicket(t.deps, byAgent, { conversationId: 'CHnope', source: 'agent' }))).toBe('404 conversation_not_found');
    expect(await codeOf(resolveTicket(t.deps, byAgent, { conversationId: t.conversationId, source: 'agent', disposition: 'x'.repeat(101) }))).toBe('400 invalid_request');
    expect(await t.kinds()).toEqual([]);
    expect(t.outbound.events).toEqual([]);
  });
});

describe('surveyLinkTtlMs', () => {
  it('reads SURVEY_LINK_TTL_DAYS, 7 days when it is not configured', async () => {
    const { deps } = await makeResolutionDeps();
    expect(surveyLinkTtlMs(deps.config)).toBe(7 * DAY * 1000);
    expect(surveyLinkTtlMs({ ...deps.config, SURVEY_LINK_TTL_DAYS: 3 } as Config)).toBe(3 * DAY * 1000);
  });
});
