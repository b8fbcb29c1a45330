import { z } from 'zod';
import { CLIP_ANNOTATION_KINDS, CLIP_ANNOTATIONS_MAX, CLIP_DESCRIPTION_MAX, type ClipAnnotation } from '../../../domain/clip-annotations';

const fraction = z.coerce.number().min(0).max(1);
const seconds = z.coerce.number().min(0).max(24 * 3600);

/** One annotation as a Send request carries it: positions are fractions of the frame, times in seconds. */
export const clipAnnotationSchema = z
  .object({
    kind: z.enum(CLIP_ANNOTATION_KINDS as [ClipAnnotation['kind'], ...ClipAnnotation['kind'][]]),
    x: fraction,
    y: fraction,
    // An arrow may point up or left: its size is signed; a rectangle's is not.
    width: z.coerce.number().min(-1).max(1),
    height: z.coerce.number().min(-1).max(1),
    startSeconds: seconds,
    endSeconds: seconds,
  })
  .refine((a) => a.endSeconds > a.startSeconds, { message: 'must end after it starts', path: ['endSeconds'] })
  .refine((a) => a.kind === 'arrow' || (a.width > 0 && a.height > 0), { message: 'a rectangle needs a width and a height', path: ['width'] })
  .refine((a) => a.kind === 'arrow' ? a.width !== 0 || a.height !== 0 : true, { message: 'an arrow needs a length', path: ['width'] });

export const clipAnnotationsSchema = z.array(clipAnnotationSchema).max(CLIP_ANNOTATIONS_MAX);
export const clipDescriptionSchema = z.string().trim().max(CLIP_DESCRIPTION_MAX);
