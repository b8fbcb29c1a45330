import { z } from 'zod';
import { EXPORT_PAGE_LIMIT } from './insights-export';
import { INSIGHTS_NAME_MAX } from './insights-filter';

/** `2026-11-01` or a full ISO time with zone (the use cases check the range itself). */
const isoDate = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO date (2026-11-01) or time with zone')
  .refine((v) => Number.isFinite(Date.parse(v)), 'must be a real date');
const name = z.string().max(INSIGHTS_NAME_MAX).regex(/^[^\u0000-\u001f\u007f]*$/, 'must be printable');

/** The dashboard's filter as it comes over HTTP (a query string or a JSON body). */
export const insightsFilterShape = { from: isoDate, to: isoDate, agent: name.optional(), team: name.optional() };
export const insightsInputSchema = z.object(insightsFilterShape);

/** The export's request: the filter, the format (CSV unless asked), a page's cursor and size. */
export const insightsExportInputSchema = z.object({
  ...insightsFilterShape,
  format: z.enum(['csv', 'json']).default('csv'),
  cursor: z.string().min(1).max(1024).optional(),
  // Query strings carry numbers as text.
  limit: z.coerce.number().int().min(1).max(EXPORT_PAGE_LIMIT).optional(),
});
