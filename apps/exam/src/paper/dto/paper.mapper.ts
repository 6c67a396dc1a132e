import type { PaperEntity } from '../paper.entity';
import type { PaperResponseDto } from './paper.dto';

/** Builds the response from the stored paper. */
export function toPaperDto(paper: PaperEntity): PaperResponseDto {
  return {
    paperId: paper.id,
    bankId: paper.bankId,
    title: paper.title,
    kind: paper.kind,
    sections: paper.sections.map((s) => ({ ...s, items: [...s.items], draws: [...s.draws] })),
    totalScore: paper.totalScore,
    updatedAt: paper.updatedAt.toISOString(),
  };
}
