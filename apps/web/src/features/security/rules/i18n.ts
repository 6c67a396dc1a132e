/** Texts of the risk rules page (merged into the `security` namespace under `riskRules`). */
export const riskRulesTexts = {
  'zh-CN': {
    title: '风控规则与阈值',
    intro:
      '每次登录由下列规则打分，分数相加后与阈值比较。修改立即生效，并连同修改人写入审计日志；请只在确有需要时调整。',
    readOnly: '您可以查看规则与阈值；只有平台管理员可以修改。',
    enabled: '启用',
    enabledOf: '启用「{{rule}}」',
    weight: '分值',
    severity: '告警级别',
    range: '{{min}}–{{max}} 的整数',
    save: '保存规则',
    saveThresholds: '保存阈值',
    undo: '撤销修改',
    saved: '已保存「{{rule}}」，新登录按新设置评分。',
    thresholdsSaved: '已保存阈值，新登录按新阈值判断。',
    thresholdsTitle: '阈值',
    thresholdsExplain:
      '风险分达到“二次验证分数”时要求验证码或刷脸，达到“拦截分数”时拦截并锁定，达到“告警分数”时为安全人员生成告警；同一对象同一原因在去重时间窗内只更新已有告警。二次验证分数不能高于拦截分数。',
    thresholds: {
      stepUpScore: '二次验证分数',
      blockScore: '拦截分数',
      alertScore: '告警分数',
      alertDedupMinutes: '告警去重时间窗（分钟）',
    },
    params: {
      maxSpeedKmh: '最高可能时速（公里/小时）',
      windowMinutes: '时间窗（分钟）',
      failures: '失败次数',
      distinctAccounts: '不同账号数',
      dormantDays: '未登录天数',
      withinHours: '修改后时长（小时）',
    },
    problems: {
      required: '请填写',
      whole: '请填写整数',
      range: '请填写 {{min}} 到 {{max}} 之间的整数',
      stepUpAboveBlock: '二次验证分数不能高于拦截分数',
    },
    explain: {
      new_device: '从账号此前没有用过的设备登录时加分。',
      new_region: '从账号此前没有登录过的地区登录时加分（按 IP 推断地区）。',
      impossible_travel:
        '两次登录之间的距离除以间隔时间，超过“最高可能时速”即认为同一人不可能到达，判为可疑。',
      brute_force: '在时间窗内同一账号登录失败达到“失败次数”时加分，提示密码被猜测。',
      credential_stuffing_ip: '同一 IP 在时间窗内对“不同账号数”个账号登录失败时加分，提示撞库攻击。',
      credential_stuffing_device: '同一设备在时间窗内对“不同账号数”个账号登录失败时加分，提示撞库攻击。',
      dormant_account: '账号超过“未登录天数”没有成功登录后突然登录时加分。',
      new_device_after_credential_change:
        '修改密码、手机号或邮箱后“修改后时长”内从新设备登录时加分，提示账号可能已被他人控制。',
    },
  },
  en: {
    title: 'Risk rules and thresholds',
    intro:
      'Every sign-in is scored by the rules below; the sum is compared with the thresholds. A change applies at once and is written to the audit log with who made it; change only what you must.',
    readOnly: 'You can read the rules and thresholds; only platform admins can change them.',
    enabled: 'On',
    enabledOf: 'Turn “{{rule}}” on',
    weight: 'Score',
    severity: 'Alert severity',
    range: 'A whole number {{min}}–{{max}}',
    save: 'Save rule',
    saveThresholds: 'Save thresholds',
    undo: 'Undo changes',
    saved: '“{{rule}}” saved; new sign-ins are scored with it.',
    thresholdsSaved: 'Thresholds saved; new sign-ins are judged by them.',
    thresholdsTitle: 'Thresholds',
    thresholdsExplain:
      'A sign-in whose score reaches the extra-check score needs a code or a face check; the block score blocks and locks; the alert score raises an alert for security staff. Repeats for the same subject and cause within the de-duplication window update the open alert. The extra-check score cannot be above the block score.',
    thresholds: {
      stepUpScore: 'Extra-check score',
      blockScore: 'Block score',
      alertScore: 'Alert score',
      alertDedupMinutes: 'Alert de-duplication (minutes)',
    },
    params: {
      maxSpeedKmh: 'Highest possible speed (km/h)',
      windowMinutes: 'Window (minutes)',
      failures: 'Failures',
      distinctAccounts: 'Distinct accounts',
      dormantDays: 'Days without sign-in',
      withinHours: 'Hours after the change',
    },
    problems: {
      required: 'Enter a value',
      whole: 'Enter a whole number',
      range: 'Enter a whole number from {{min}} to {{max}}',
      stepUpAboveBlock: 'Cannot be above the block score',
    },
    explain: {
      new_device: 'Scores a sign-in from a device the account has not used before.',
      new_region: 'Scores a sign-in from a region (inferred from the IP) the account has not signed in from.',
      impossible_travel:
        'Distance between two sign-ins over the time between them: above the highest possible speed, one person could not have made the trip.',
      brute_force:
        'Scores an account with this many failed sign-ins within the window: its password is being guessed.',
      credential_stuffing_ip:
        'Scores an IP that failed on this many distinct accounts within the window: credential stuffing.',
      credential_stuffing_device:
        'Scores a device that failed on this many distinct accounts within the window: credential stuffing.',
      dormant_account: 'Scores a sign-in to an account with no successful sign-in for this many days.',
      new_device_after_credential_change:
        'Scores a new device within these hours after a password, phone or email change: the account may have been taken over.',
    },
  },
};
