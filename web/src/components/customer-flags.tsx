import { AlertOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function CustomerFlags({
  important,
  special,
  category,
}: {
  important: boolean;
  special: boolean;
  category?: string | null;
}) {
  const { t } = useTranslation();
  if (!important && !special) return null;
  return (
    <Space size={4} wrap>
      {important && (
        <Tag color="red" icon={<AlertOutlined />} data-testid="flag-important">
          {t('customer.important')}
        </Tag>
      )}
      {special && (
        <Tag color="purple" icon={<SafetyCertificateOutlined />} data-testid="flag-special">
          {t('customer.special')}
          {category ? ` · ${category}` : ''}
        </Tag>
      )}
    </Space>
  );
}
