/** A table's "nothing here" text, readable (antd greys it out below WCAG AA contrast). */
export function EmptyText({ children }: { children: string }) {
  return <span className="ops-empty">{children}</span>;
}
