import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, rememberLanguage } from '../i18n/index.js';

/** Toggles Chinese ⇄ English; the button shows the language it switches to. */
export function LanguageSwitch({ icon }: { icon?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const next: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={icon}
      data-testid="language-switch"
      onClick={() => {
        rememberLanguage(next);
        void i18n.changeLanguage(next);
      }}
    >
      {t('header.language')}
    </Button>
  );
}
