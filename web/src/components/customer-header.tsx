import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerProfile, PiiField, UnmaskedValues } from '../api-client/types.js';
import { useCan } from '../session/session-context.js';
import { CustomerFlags } from './customer-flags.js';
import { UnmaskDialog } from './unmask-dialog.js';

// The API names a personal-data field one way in the unmask request and another in the profile.
const MASKED = {
  name: 'name',
  phone: 'phone',
  id_number: 'idNumber',
  address: 'address',
  wechat_id: 'wechatId',
} as const;

/** Key facts of a customer; personal data masked until an authorised reader unmasks it. */
export function CustomerHeader({ customer }: { customer: CustomerProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayUnmask = useCan('customer:pii_unmask');
  const [revealed, setRevealed] = useState<UnmaskedValues>({});
  const [dialogOpen, setDialogOpen] = useState(false);
  const none = t('common.none');
  const mayReadPortraits = useCan('portrait:read');
  // The area's portrait (risk, tags such as 台区采集中断) is one click from the customer.
  const areaLink = (kind: 'transformer_area' | 'feeder', area: { id: string; name: string } | null | undefined) =>
    !area ? (
      none
    ) : mayReadPortraits ? (
      <Link key={kind} to={`/areas/${kind}/${encodeURIComponent(area.id)}`} data-testid={`customer-${kind}-link`}>
        {area.name}
      </Link>
    ) : (
      area.name
    );

  const shown = (field: PiiField) => {
    const isRevealed = revealed[field] !== undefined;
    const value = isRevealed ? revealed[field] : customer[MASKED[field]];
    return (
      <Typography.Text data-testid={`pii-${field}`} mark={isRevealed}>
        {value ?? none}
      </Typography.Text>
    );
  };

  const items = [
    { key: 'phone', label: t('customer.phone'), children: shown('phone') },
    { key: 'idNumber', label: t('customer.idNumber'), children: shown('id_number') },
    {
      key: 'type',
      label: t('customer.type'),
      children: t(`customer.${customer.customerType}`, { defaultValue: customer.customerType }),
    },
    { key: 'industry', label: t('customer.industry'), children: customer.industry ?? none },
    { key: 'voltage', label: t('customer.voltage'), children: customer.voltageLevel },
    {
      key: 'capacity',
      label: t('customer.capacity'),
      children:
        customer.contractCapacityKva === null
          ? none
          : t('customer.capacityUnit', { value: customer.contractCapacityKva }),
    },
    {
      key: 'org',
      label: t('customer.orgUnit'),
      span: 2,
      children: customer.orgUnits.map((unit) => unit.name).join(' / '),
    },
    {
      key: 'area',
      label: t('customer.transformerArea'),
      children: areaLink('transformer_area', customer.topology.transformerArea),
    },
    {
      key: 'feeder',
      label: t('customer.feeder'),
      children: customer.topology.feeder
        ? [
            areaLink('feeder', customer.topology.feeder),
            customer.topology.substation ? ` · ${customer.topology.substation.name}` : '',
          ]
        : none,
    },
    {
      key: 'status',
      label: t('customer.status'),
      children: t(`customer.statuses.${customer.status}`, { defaultValue: customer.status }),
    },
    { key: 'address', label: t('customer.address'), span: 2, children: shown('address') },
    { key: 'wechat', label: t('customer.wechatId'), children: shown('wechat_id') },
    { key: 'opened', label: t('customer.openedOn'), children: customer.openedOn ?? none },
    { key: 'meters', label: t('customer.meters'), span: 2, children: customer.meters.join('、') || none },
  ];

  return (
    <Card variant="borderless" data-testid="customer-header">
      <Space align="center" wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
            {revealed.name ?? customer.name}
          </Typography.Title>
          <Tag data-testid="customer-no">{customer.customerNo}</Tag>
          <CustomerFlags
            important={customer.important}
            special={customer.special}
            category={customer.specialCategory}
          />
        </Space>
        {mayUnmask && (
          <Button icon={<EyeOutlined />} onClick={() => setDialogOpen(true)} data-testid="unmask-button">
            {t('unmask.button')}
          </Button>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3, xxl: 4 }} items={items} />
      {mayUnmask && (
        <UnmaskDialog
          customerNo={customer.customerNo}
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          onRevealed={(values) => {
            setRevealed((previous) => ({ ...previous, ...values }));
            void message.info(t('unmask.done'));
          }}
        />
      )}
    </Card>
  );
}
