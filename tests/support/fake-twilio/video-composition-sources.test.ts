import { wildcardMatches } from './video-composition-sources';

test('`*` matches zero or more characters and nothing else is special', () => {
  expect(wildcardMatches('student*', 'student')).toBe(true); // the Compositions page's own example
  expect(wildcardMatches('student*', 'studentTeam')).toBe(true);
  expect(wildcardMatches('student*', 'Student')).toBe(false); // case-sensitive (stricter reading)
  expect(wildcardMatches('*', '')).toBe(true);
  expect(wildcardMatches('*-a1*', 'camera-a1')).toBe(true);
  expect(wildcardMatches('cam.ra', 'camera')).toBe(false);
  expect(wildcardMatches('mic(1)?', 'mic(1)?')).toBe(true);
  expect(wildcardMatches('microphone', 'microphone-a1')).toBe(false); // no wildcard: the whole name
});
