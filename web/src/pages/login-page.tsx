import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api-client/http.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useSession } from '../session/session-context.js';

interface Credentials {
  username: string;
  password: string;
}

// Only same-app paths are followed after login, never another origin.
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/customers';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (state.status === 'authenticated') return <Navigate to={next} replace />;

  const describe = (cause: unknown): string => {
    if (!(cause instanceof ApiError)) return String(cause);
    if (cause.code === 'AUTH_RATE_LIMITED') {
      const seconds = Number(cause.details?.retryAfterSeconds ?? 600);
      return t('login.rateLimited', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    if (cause.code === 'NETWORK') return t('errors.network');
    return cause.message;
  };

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username, password);
      navigate(next, { replace: true });
    } catch (cause) {
      setError(describe(cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #00403d 0%, #00706b 100%)',
      }}
    >
      <Card style={{ width: 380 }} variant="borderless">
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 20 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Space>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<Credentials> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'right', marginTop: 12 }}>
          <LanguageSwitch />
        </div>
      </Card>
    </div>
  );
}
