import type { ClipSendExtras, ClipTakeApi } from '../api/clip-api';

export type { ClipSendExtras } from '../api/clip-api';

/**
 * The take API with Send carrying what the review step's extras hold at the moment Send is
 * pressed. Every other step is the host's own, called on the host's object (so a class keeps its state).
 */
export function withSendExtras(api: ClipTakeApi, extras: () => ClipSendExtras | undefined): ClipTakeApi {
  const sendWithExtras = () => api.send(extras());
  return new Proxy(api, {
    get(target, key) {
      if (key === 'send') return sendWithExtras;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
