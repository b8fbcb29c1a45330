/**
 * Scrubs secrets out of text before it reaches a log: every known secret value verbatim, plus any
 * `"secret"/"admin_key"/"token"`-style JSON field Janus or janode might echo.
 */
const FIELD = /("?(?:admin_secret|admin_key|apisecret|secret|pin|token|allowed)"?\s*[:=]\s*)("[^"]*"|\[[^\]]*\])/gi;

export function makeRedactor(secrets: () => Iterable<string>): (text: string) => string {
  return (text: string): string => {
    let out = text.replace(FIELD, '$1"[redacted]"');
    for (const s of secrets()) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
    return out;
  };
}
