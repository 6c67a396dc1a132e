import type { Bundle } from '../../i18n/resources';
import { banksEn, banksZh } from './texts/banks';
import { errorsEn, errorsZh } from './texts/errors';
import { examsEn, examsZh } from './texts/exams';
import { institutionEn, institutionZh } from './texts/institution';
import { papersEn, papersZh } from './texts/papers';
import { reasonsEn, reasonsZh } from './texts/reasons';
import { registrationsEn, registrationsZh } from './texts/registrations';

/** The console's one namespace ('console'), assembled from one texts file per area. */
export const consoleI18n: Bundle = {
  'zh-CN': {
    menu: '机构管理菜单',
    loading: '加载中…',
    cancel: '取消',
    save: '保存',
    close: '关闭',
    home: { title: '机构管理', none: '您不是任何机构的工作人员。', open: '进入机构 {{id}}' },
    denied: { title: '无权访问', body: '您不是该机构的工作人员，不能查看其数据。' },
    sections: {
      profile: '机构信息',
      members: '成员与邀请',
      banks: '题库',
      papers: '试卷',
      exams: '考试',
      proctoring: '监考',
      marking: '阅卷',
      results: '成绩与统计',
      payments: '订单与退款',
      invoices: '发票',
    },
    ...examsZh,
    ...registrationsZh,
    ...banksZh,
    ...papersZh,
    ...institutionZh,
    ...reasonsZh,
    errors: errorsZh,
  },
  en: {
    menu: 'Institution console menu',
    loading: 'Loading…',
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    home: {
      title: 'Institution console',
      none: 'You are not staff of any institution.',
      open: 'Open institution {{id}}',
    },
    denied: { title: 'Not allowed', body: 'You are not staff of this institution and may not see its data.' },
    sections: {
      profile: 'Profile',
      members: 'Members and invitations',
      banks: 'Question banks',
      papers: 'Papers',
      exams: 'Exams',
      proctoring: 'Proctoring',
      marking: 'Marking',
      results: 'Results and statistics',
      payments: 'Orders and refunds',
      invoices: 'Invoices',
    },
    ...examsEn,
    ...registrationsEn,
    ...banksEn,
    ...papersEn,
    ...institutionEn,
    ...reasonsEn,
    errors: errorsEn,
  },
};
