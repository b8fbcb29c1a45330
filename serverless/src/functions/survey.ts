import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { answerSurvey } from '../../../src/core/support/resolution/answer-survey';
import { openSurvey } from '../../../src/core/support/resolution/open-survey';
import { jsonFunction } from '../lib/json-function';
import { looseBoolean } from '../lib/schemas';

const linkToken = z.string().min(1).max(4096);
/** An IANA name ("Europe/Paris"); the use case records it only if the runtime knows it. */
const timeZone = z.string().min(1).max(64).optional();

/**
 * The survey page's Function (public/src/pages/survey.tsx), on Twilio and locally alike. The
 * customer is known by the survey link's token, which the page sends in the body: `open` (what
 * the page shows, the answers already given), `answer` (one or both answers; each is kept once
 * per ticket). The score's range is the use case's to check, so the page gets `score_invalid`.
 */
export const handler = jsonFunction(
  {
    name: 'survey',
    auth: 'none',
    schema: z.discriminatedUnion('action', [
      z.object({ action: z.literal('open'), linkToken, timeZone }),
      z.object({ action: z.literal('answer'), linkToken, solved: looseBoolean.optional(), score: z.coerce.number().optional(), timeZone }),
    ]) satisfies z.ZodType<FunctionsContract['/survey']['request']>,
  },
  async ({ body, backend }): Promise<FunctionsContract['/survey']['response']> => {
    switch (body.action) {
      case 'open':
        return openSurvey(backend.deps, body.linkToken, { timeZone: body.timeZone });
      case 'answer':
        return answerSurvey(backend.deps, body.linkToken, { solved: body.solved, score: body.score, timeZone: body.timeZone });
    }
  },
);
