import { Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../../auth/use-session';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';

const TILES = [
  { to: '/identity', key: 'identity' },
  { to: '/exams', key: 'exams' },
  { to: '/my/exams', key: 'myExams' },
  { to: '/privacy', key: 'privacy' },
] as const;

/** Visitors: what the platform is and how to start. Candidates: the next steps, in the order they take them. */
export function HomePage() {
  const { t } = useTranslation('home');
  const session = useSession();
  if (!session) {
    return (
      <Card>
        <PageTitle>{t('welcome.title')}</PageTitle>
        <Typography.Paragraph>{t('welcome.body')}</Typography.Paragraph>
        <Space wrap>
          <LinkButton to="/sign-up" type="primary">
            {t('welcome.signUp')}
          </LinkButton>
          <LinkButton to="/sign-in">{t('welcome.signIn')}</LinkButton>
          <LinkButton to="/exams" type="link">
            {t('welcome.browse')}
          </LinkButton>
        </Space>
      </Card>
    );
  }
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        {TILES.map((tile) => (
          <Col xs={24} sm={12} key={tile.key}>
            <Card title={<h2 className="card-heading">{t(`dashboard.${tile.key}.title`)}</h2>}>
              <Typography.Paragraph>{t(`dashboard.${tile.key}.body`)}</Typography.Paragraph>
              <Link to={tile.to}>{t(`dashboard.${tile.key}.action`)}</Link>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
