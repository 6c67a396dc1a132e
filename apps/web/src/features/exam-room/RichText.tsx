/**
 * A stem or option as the exam service delivers it: rich text it already sanitised when the question was saved
 * (sanitize-html, allow-listed tags, no scripts or handlers), so it is rendered as HTML.
 */
export function RichText({ html, id, className }: { html: string; id?: string; className?: string }) {
  return <span id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
