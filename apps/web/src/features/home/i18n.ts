import type { Bundle } from '../../i18n/resources';

export const homeI18n: Bundle = {
  'zh-CN': {
    welcome: {
      title: '在线考试平台',
      body: '机构发布考试，考生完成实名认证后在浏览器中参加考试。您的身份证号、人脸等个人信息加密保存，页面上只显示脱敏后的内容。',
      signUp: '注册账号',
      signIn: '登录',
      browse: '浏览开放报名的考试',
    },
    status: {
      title: '服务状态',
      intro: '网关后各服务的实时就绪状态（数据库与 Kafka 可达）。',
      ready: '就绪',
      not_ready: '未就绪',
      unreachable: '无法访问',
    },
    dashboard: {
      title: '我的主页',
      identity: {
        title: '实名认证',
        body: '参加考试前需完成姓名、身份证号和人脸认证。',
        action: '查看认证状态',
      },
      exams: { title: '报名考试', body: '浏览开放报名的考试，阅读考试须知并报名。', action: '浏览考试' },
      myExams: {
        title: '我的考试',
        body: '查看报名状态、下载准考证、进入考场、查看成绩。',
        action: '打开我的考试',
      },
      privacy: {
        title: '隐私中心',
        body: '查看我的个人信息、管理授权、导出数据或注销账号。',
        action: '打开隐私中心',
      },
    },
  },
  en: {
    welcome: {
      title: 'Online Exam Platform',
      body: 'Institutions publish exams; candidates verify their real name and sit them in the browser. Your ID number, face and other personal data are stored encrypted, and pages only ever show them masked.',
      signUp: 'Create an account',
      signIn: 'Sign in',
      browse: 'Browse exams open for registration',
    },
    status: {
      title: 'Service status',
      intro: 'Live readiness of every service behind the gateway (database and Kafka reachable).',
      ready: 'ready',
      not_ready: 'not ready',
      unreachable: 'unreachable',
    },
    dashboard: {
      title: 'My home',
      identity: {
        title: 'Real-name verification',
        body: 'Before an exam, verify your name, ID number and face.',
        action: 'See my status',
      },
      exams: {
        title: 'Register for an exam',
        body: 'Browse open exams, read the notice and register.',
        action: 'Browse exams',
      },
      myExams: {
        title: 'My exams',
        body: 'Registration status, admission tickets, the exam room and results.',
        action: 'Open my exams',
      },
      privacy: {
        title: 'Privacy centre',
        body: 'See my data, manage consents, download a copy or cancel the account.',
        action: 'Open the privacy centre',
      },
    },
  },
};
