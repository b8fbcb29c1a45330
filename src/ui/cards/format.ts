/** Hours and minutes in the viewer's locale, or '' for a value that is not a date. */
export const timeOfDay = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

