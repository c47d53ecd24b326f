import {
  AccountBookOutlined,
  BankOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  GlobalOutlined,
  MessageOutlined,
  MobileOutlined,
  PhoneOutlined,
  ToolOutlined,
  WechatOutlined,
  WeiboOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** A glyph and a colour per channel, so a timeline can be read at a glance. */
export const CHANNEL_STYLE: Record<string, { icon: ReactNode; color: string }> = {
  phone_95598: { icon: <PhoneOutlined />, color: '#1677ff' },
  online_chat: { icon: <CommentOutlined />, color: '#13c2c2' },
  app: { icon: <MobileOutlined />, color: '#00706b' },
  wechat: { icon: <WechatOutlined />, color: '#07c160' },
  website: { icon: <GlobalOutlined />, color: '#2f54eb' },
  hall: { icon: <BankOutlined />, color: '#fa8c16' },
  sms: { icon: <MessageOutlined />, color: '#722ed1' },
  field: { icon: <ToolOutlined />, color: '#fa541c' },
  social_media: { icon: <WeiboOutlined />, color: '#eb2f96' },
  billing: { icon: <AccountBookOutlined />, color: '#d4b106' },
  collection: { icon: <DashboardOutlined />, color: '#7cb305' },
  internal: { icon: <ClusterOutlined />, color: '#8c8c8c' },
};

const FALLBACK = { icon: <ClusterOutlined />, color: '#bfbfbf' };

export function channelStyle(channel: string) {
  return CHANNEL_STYLE[channel] ?? FALLBACK;
}

export function ChannelGlyph({ channel }: { channel: string }) {
  const { icon, color } = channelStyle(channel);
  return (
    <span style={{ color, fontSize: 16 }} data-channel={channel}>
      {icon}
    </span>
  );
}
