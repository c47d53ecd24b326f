import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CollectionPoint } from '../api-client/types.js';

type Point = Omit<CollectionPoint, 'traceType'>;

export function CollectionEnabledTag({ point }: { point: Point | null }) {
  const { t } = useTranslation();
  if (!point) return <Tag color="blue">{t('collection.collectedInFull')}</Tag>;
  return point.enabled ? <Tag color="green">{t('collection.on')}</Tag> : <Tag>{t('collection.off')}</Tag>;
}

/** Detail, with the kept attribute keys when only listed ones are kept. */
export function CollectionDetailCell({ point }: { point: Point }) {
  const { t } = useTranslation();
  if (point.detail === 'full') return <>{t('collection.details.full')}</>;
  return (
    <Space size={[4, 4]} wrap>
      <span>{t('collection.details.listed')}:</span>
      {point.attributes.map((key) => (
        <Tag key={key} style={{ fontFamily: 'monospace' }}>
          {key}
        </Tag>
      ))}
    </Space>
  );
}

export function CollectionIntervalCell({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return <>{minutes === 0 ? t('collection.everyTime') : t('collection.perCustomer', { minutes })}</>;
}

export function CollectionPurposeCell({ purpose }: { purpose: string | null }) {
  const { t } = useTranslation();
  return purpose ? (
    <Typography.Text ellipsis={{ tooltip: purpose }}>{purpose}</Typography.Text>
  ) : (
    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  );
}
