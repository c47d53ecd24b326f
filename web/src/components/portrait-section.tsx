import { Alert, Button, Card, Col, Collapse, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PortraitElement, portraitApi } from '../api-client/portrait-endpoints.js';
import { useApiData } from '../hooks/use-api-data.js';
import { usePortraitDefinitions } from '../hooks/use-portrait-definitions.js';
import { describeApiError } from '../session/describe-api-error.js';
import { useCan } from '../session/session-context.js';
import { CustomerCreditLedger } from './credit-ledger-chart.js';
import { PortraitAsOf } from './portrait-as-of.js';
import { PortraitGrades } from './portrait-grades.js';
import { PortraitNoteForm, PortraitNotesList } from './portrait-notes.js';
import { PortraitStrategies } from './portrait-strategies.js';
import { PortraitTagsByDimension, PortraitWhyNot } from './portrait-tags.js';
import { PortraitWhyDrawer } from './portrait-why-drawer.js';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * 客户画像 on the customer 360: tags by dimension (why / why not in a drawer), grades and
 * scores, strategies in priority order, staff notes, and the portrait as of an earlier date.
 */
export function CustomerPortraitSection({ customerNo }: { customerNo: string }) {
  const { t } = useTranslation();
  const mayAnnotate = useCan('portrait:annotate');
  const definitions = usePortraitDefinitions();
  const [asOf, setAsOf] = useState<string>();
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState<PortraitElement | null>(null);
  const { data, loading, error } = useApiData(`${customerNo}|${asOf ?? ''}|${revision}`, async () => ({
    asOf,
    portrait: await portraitApi.customerPortrait(customerNo, asOf),
  }));
  const loadWhy = useCallback(
    (element: PortraitElement) => portraitApi.customerWhy(customerNo, element, asOf),
    [customerNo, asOf],
  );
  const reload = () => setRevision((r) => r + 1);
  // While another as-of loads, the previous answer is not shown under the new date; a reload
  // after a note keeps the portrait on screen.
  const shown = data && data.asOf === asOf ? data.portrait : undefined;

  const asOfControl = <PortraitAsOf customerNo={customerNo} asOf={asOf} onChange={setAsOf} />;
  return (
    <Card
      title={t('portrait.title')}
      extra={asOfControl}
      variant="borderless"
      size="small"
      data-testid="customer-portrait"
    >
      {!shown ? (
        loading || !error ? (
          <Skeleton active />
        ) : (
          <Alert type="warning" showIcon title={describeApiError(t, error)} data-testid="portrait-error" />
        )
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {asOf ? (
            <Alert
              type="info"
              showIcon
              data-testid="portrait-as-of-notice"
              title={t('portrait.asOf.showing', {
                asOf: at(asOf),
                from: at(shown.validFrom),
                to: shown.validTo ? at(shown.validTo) : t('portrait.asOf.now'),
              })}
              action={
                <Button size="small" onClick={() => setAsOf(undefined)}>
                  {t('portrait.asOf.backToCurrent')}
                </Button>
              }
            />
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('portrait.computed', { at: at(shown.computedAt), version: shown.catalogVersion })}
            </Typography.Text>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <PortraitTagsByDimension dimensions={shown.dimensions} onOpen={setOpened} />
                <PortraitWhyNot portrait={shown} definitions={definitions} onOpen={setOpened} />
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <PortraitGrades portrait={shown} onOpen={setOpened} />
                <div>
                  <Typography.Title level={5}>{t('portrait.strategies')}</Typography.Title>
                  <PortraitStrategies strategies={shown.strategies} onOpen={setOpened} />
                </div>
                <div>
                  <Typography.Title level={5}>{t('portrait.notes.title')}</Typography.Title>
                  <PortraitNotesList notes={shown.notes} definitions={definitions} />
                  {mayAnnotate && (
                    <Collapse
                      size="small"
                      ghost
                      items={[
                        {
                          key: 'add',
                          label: t('portrait.notes.add'),
                          children: (
                            <PortraitNoteForm customerNo={customerNo} definitions={definitions} onSaved={reload} />
                          ),
                        },
                      ]}
                    />
                  )}
                </div>
              </Space>
            </Col>
          </Row>
        </Space>
      )}
      <PortraitWhyDrawer key={asOf ?? 'now'} element={opened} load={loadWhy} onClose={() => setOpened(null)}>
        {opened && shown && (
          <>
            {/* The credit score is the ledger's month-end score: its why is the ledger (current only). */}
            {!asOf && (opened === 'grade:credit_grade' || opened === 'score:credit') && (
              <div style={{ marginBottom: 16 }}>
                <CustomerCreditLedger customerNo={customerNo} />
              </div>
            )}
            <Typography.Title level={5}>{t('portrait.notes.onElement')}</Typography.Title>
            <PortraitNotesList notes={shown.notes.filter((n) => n.element === opened)} definitions={definitions} />
            {mayAnnotate && (
              <div style={{ marginTop: 12 }}>
                <PortraitNoteForm customerNo={customerNo} definitions={definitions} element={opened} onSaved={reload} />
              </div>
            )}
          </>
        )}
      </PortraitWhyDrawer>
    </Card>
  );
}
