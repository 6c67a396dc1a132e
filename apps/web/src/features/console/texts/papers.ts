export const papersZh = {};
export const papersEn: typeof papersZh = {};
