import { useTranslation } from 'react-i18next';

/** Words for the codes the audit service answers with; an unknown code is shown as it is (it is not personal). */
export function useLabels() {
  const { t } = useTranslation('security');
  return {
    rule: (code: string) => t(`rules.${code}.name`, { defaultValue: code }),
    status: (code: string) => t(`status.${code}`, { defaultValue: code }),
    eventType: (type: string) => t(`eventTypes.${type.replaceAll('.', '_')}`, { defaultValue: type }),
    outcome: (code: string) => t(`outcome.${code}`, { defaultValue: code }),
    decision: (code: string) => t(`decision.${code}`, { defaultValue: code }),
    field: (name: string) => t(`fields.${name}`, { defaultValue: name }),
  };
}
