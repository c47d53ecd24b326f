import { Card, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { QaSchemeVersionSummary } from '../../../src/api/contract.js';
import { qaApi } from '../api-client/qa-endpoints.js';
import { PageSpinner } from '../components/page-spinner.js';
import { QaSchemeStatusTag } from '../components/qa-scheme-status-tag.js';
import { useApiData } from '../hooks/use-api-data.js';

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

/** 质检方案: every scheme with its versions (draft, live, retired); a version opens in the editor. */
export default function QaSchemesPage() {
  const { t } = useTranslation();
  const { data, loading } = useApiData('schemes', () => qaApi.schemes());
  if (loading && !data) return <PageSpinner />;

  const columns = (code: string): TableColumnsType<QaSchemeVersionSummary> => [
    {
      title: t('qa.schemes.version'),
      dataIndex: 'version',
      width: 90,
      render: (version: number) => (
        <Link to={`/qa/schemes/${encodeURIComponent(code)}/versions/${version}`} data-testid="qa-version-link">
          v{version}
        </Link>
      ),
    },
    { title: t('qa.schemes.status'), dataIndex: 'status', width: 90, render: (s) => <QaSchemeStatusTag status={s} /> },
    { title: t('qa.schemes.rules'), dataIndex: 'ruleCount', width: 80, align: 'right' },
    { title: t('qa.schemes.note'), dataIndex: 'note', ellipsis: true },
    {
      title: t('qa.schemes.created'),
      key: 'created',
      width: 220,
      render: (_, row) => `${row.createdBy?.displayName ?? t('qa.schemes.system')} · ${when(row.createdAt)}`,
    },
    {
      title: t('qa.schemes.published'),
      key: 'published',
      width: 220,
      render: (_, row) => (row.publishedAt ? `${row.publishedBy?.displayName ?? ''} · ${when(row.publishedAt)}` : ''),
    },
  ];

  return (
    <Card title={t('qa.menu.schemes')} variant="borderless" data-testid="qa-schemes">
      <Typography.Paragraph type="secondary">{t('qa.schemes.intro')}</Typography.Paragraph>
      {(data?.items ?? []).length === 0 && <Empty />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {(data?.items ?? []).map((scheme) => (
          <Card
            key={scheme.code}
            size="small"
            title={
              <Space wrap>
                {scheme.name}
                <Tag>{scheme.code}</Tag>
                {scheme.routine && <Tag color="green">{t('qa.schemes.routine')}</Tag>}
                {scheme.liveVersion !== null && <Tag>{t('qa.schemes.live', { version: scheme.liveVersion })}</Tag>}
              </Space>
            }
          >
            <Table<QaSchemeVersionSummary>
              size="small"
              rowKey="version"
              pagination={false}
              columns={columns(scheme.code)}
              dataSource={[...scheme.versions].sort((a, b) => b.version - a.version)}
            />
          </Card>
        ))}
      </Space>
    </Card>
  );
}
