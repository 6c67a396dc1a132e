export const banksZh = {};
export const banksEn: typeof banksZh = {};
