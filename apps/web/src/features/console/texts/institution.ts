export const institutionZh = {};
export const institutionEn: typeof institutionZh = {};
