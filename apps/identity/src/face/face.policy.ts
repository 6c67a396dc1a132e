/**
 * Decision parameters of face checks. The match threshold is chosen by scripts/face-eval.ts on labelled
 * faces (see docs/face-threshold.md); change it only together with a new run of that script.
 */
export const FACE_MATCH_THRESHOLD = 0.5;
