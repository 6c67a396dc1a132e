/** The paper preview of the exam service (GET …/papers/:paperId/preview), as far as the console reads it. */
export interface PaperPreview {
  paper: {
    sections: {
      questions: {
        questionId: string;
        score: number;
        view: { type: string; stem: string; options?: { key: string; text: string }[] };
      }[];
    }[];
  };
}

/** A question of the paper as staff recognise it: number (section.position), type, plain-text label, options. */
export interface PaperQuestion {
  questionId: string;
  number: string;
  type: string;
  label: string;
  worth: number;
  options: { key: string; text: string }[];
}

const LABEL_LENGTH = 60;

/** A stem without markup, spaces collapsed, shortened with an ellipsis. Pure. */
export function plainLabel(html: string, length = LABEL_LENGTH): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Every question of the preview in paper order, numbered `section.position`, each once. Pure. */
export function paperQuestionsOf(preview: PaperPreview): PaperQuestion[] {
  const out: PaperQuestion[] = [];
  const seen = new Set<string>();
  preview.paper.sections.forEach((section, s) => {
    section.questions.forEach((q, i) => {
      if (seen.has(q.questionId)) return;
      seen.add(q.questionId);
      out.push({
        questionId: q.questionId,
        number: `${String(s + 1)}.${String(i + 1)}`,
        type: q.view.type,
        label: plainLabel(q.view.stem),
        worth: q.score,
        options: q.view.options ?? [],
      });
    });
  });
  return out;
}
