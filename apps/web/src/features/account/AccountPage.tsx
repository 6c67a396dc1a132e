import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '../../ui/PageTitle';
import { ContactSection } from './ContactSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={<h2 className="card-heading">{title}</h2>} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Signed-in devices, password, phone and email. */
export function AccountPage() {
  const { t } = useTranslation('account');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <Section title={t('sessions.heading')}>
        <SessionsSection />
      </Section>
      <Section title={t('password.heading')}>
        <PasswordSection />
      </Section>
      <Section title={t('contact.heading')}>
        <ContactSection />
      </Section>
    </>
  );
}
