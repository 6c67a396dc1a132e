/**
 * The institution console's sections, in menu order. `path` is relative to /console/:institutionId.
 * Authoring (features/console) and operations (features/console-ops) each implement their own.
 */
export const CONSOLE_SECTIONS = [
  { path: 'profile', label: 'sections.profile', adminOnly: false },
  { path: 'members', label: 'sections.members', adminOnly: true },
  { path: 'banks', label: 'sections.banks', adminOnly: false },
  { path: 'papers', label: 'sections.papers', adminOnly: false },
  { path: 'exams', label: 'sections.exams', adminOnly: false },
  { path: 'proctoring', label: 'sections.proctoring', adminOnly: false },
  { path: 'marking', label: 'sections.marking', adminOnly: false },
  { path: 'results', label: 'sections.results', adminOnly: false },
  { path: 'payments', label: 'sections.payments', adminOnly: true },
  { path: 'invoices', label: 'sections.invoices', adminOnly: false },
] as const;

export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];
