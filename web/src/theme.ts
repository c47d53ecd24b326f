import type { ThemeConfig } from 'antd';

/** State Grid green as the primary colour; compact tables for dense lists. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#00706b',
    borderRadius: 4,
    fontFamily: "'Noto Sans SC', -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#001f1e', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#001f1e', darkItemSelectedBg: '#00706b', darkSubMenuItemBg: '#001f1e' },
    Table: { cellPaddingBlockSM: 6 },
  },
};
