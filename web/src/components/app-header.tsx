import { ApartmentOutlined, LogoutOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useSession } from '../session/session-context.js';
import { LanguageSwitch } from './language-switch.js';

export function AppHeader() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Typography.Text strong style={{ fontSize: 16 }}>
        {t('app.name')}
      </Typography.Text>
      <Space size="middle" data-testid="user-info">
        <Space size={4}>
          <UserOutlined />
          <Typography.Text data-testid="user-name">{user.displayName}</Typography.Text>
        </Space>
        <Tag color="green" data-testid="user-role">
          {t(`roles.${user.role}`, { defaultValue: user.role })}
        </Tag>
        <Space size={4}>
          <ApartmentOutlined />
          <Typography.Text type="secondary" data-testid="user-org">
            {user.orgUnit?.name ?? user.orgUnit?.id ?? t('header.allScope')}
          </Typography.Text>
        </Space>
        <LanguageSwitch icon={<TranslationOutlined />} />
        <Button
          icon={<LogoutOutlined />}
          type="text"
          data-testid="logout"
          onClick={() => void logout().then(() => navigate('/login'))}
        >
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
