import { Button, Checkbox, Col, Form, Input, Radio, Row, Select, Slider, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortraitDefinitions } from '../api-client/portrait-endpoints.js';
import { OrgUnitTreeSelect } from './org-unit-tree-select.js';
import { usePickName } from './portrait-format.js';
import {
  paramsFromValues,
  type ScoreBounds,
  type SegmentFormValues,
  valuesFromParams,
} from './segment-filter-values.js';
import { TransformerAreaSelect } from './transformer-area-select.js';

type Definitions = PortraitDefinitions;

/** Customer scores with their bounds, for the sliders. */
export function customerScores(
  definitions: Definitions | undefined,
): Array<ScoreBounds & { name: { zh: string; en: string } }> {
  return (definitions?.scores ?? [])
    .filter((s) => s.subject === 'customer')
    .map((s) => ({ code: s.code, min: s.min, max: s.max, name: s.name }));
}

/**
 * The segment filter builder: tags (all / any / none, grouped by dimension), grades, classes,
 * score ranges, type, flags, org unit and transformer area. Submitting writes the filter to
 * the URL; the page queries from there.
 */
export function SegmentFilterForm({
  definitions,
  params,
  onSubmit,
}: {
  definitions: Definitions;
  params: URLSearchParams;
  onSubmit: (params: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const [form] = Form.useForm<SegmentFormValues>();
  const scores = useMemo(() => customerScores(definitions), [definitions]);
  const paramText = params.toString();

  // biome-ignore lint/correctness/useExhaustiveDependencies: paramText names the params it reads
  useEffect(() => {
    form.setFieldsValue(valuesFromParams(params, scores));
  }, [paramText, scores, form]);

  const tagOptions = useMemo(
    () =>
      definitions.dimensions
        .map((dimension) => ({
          label: pick(dimension.name),
          title: dimension.code,
          options: definitions.tags
            .filter((tag) => tag.subject === 'customer' && tag.dimension === dimension.code)
            .map((tag) => ({ value: tag.code, label: pick(tag.name) })),
        }))
        .filter((group) => group.options.length > 0),
    [definitions, pick],
  );
  const bandsOf = (code: string) =>
    definitions.grades.find((g) => g.subject === 'customer' && g.code === code)?.bands.map((b) => b.grade) ?? [];
  const creditGrades = [...bandsOf('credit_grade')].sort();
  const feeRiskClasses = [...bandsOf('fee_risk_class')].sort();

  const tagSelect = (name: 'tag' | 'anyTag' | 'notTag', label: string) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={label}>
        <Select
          mode="multiple"
          allowClear
          options={tagOptions}
          optionFilterProp="label"
          placeholder={t('segments.filter.tagsPlaceholder')}
          data-testid={`segment-filter-${name}`}
        />
      </Form.Item>
    </Col>
  );
  const triState = (name: 'important' | 'special', label: string) => (
    <Form.Item name={name} label={label}>
      <Radio.Group optionType="button" size="small" data-testid={`segment-filter-${name}`}>
        <Radio.Button value="any">{t('segments.filter.any')}</Radio.Button>
        <Radio.Button value="true">{t('segments.filter.only')}</Radio.Button>
        <Radio.Button value="false">{t('segments.filter.exclude')}</Radio.Button>
      </Radio.Group>
    </Form.Item>
  );

  return (
    <Form<SegmentFormValues>
      form={form}
      layout="vertical"
      size="small"
      initialValues={valuesFromParams(params, scores)}
      onFinish={(values) => onSubmit(paramsFromValues(values, scores))}
      data-testid="segment-filter"
    >
      <Row gutter={16}>
        {tagSelect('tag', t('segments.filter.allTags'))}
        {tagSelect('anyTag', t('segments.filter.anyTags'))}
        {tagSelect('notTag', t('segments.filter.noneTags'))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="creditGrade" label={t('segments.filter.creditGrade')}>
            <Checkbox.Group
              options={creditGrades.map((g) => ({ value: g, label: g }))}
              data-testid="segment-filter-creditGrade"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="feeRiskClass" label={t('segments.filter.feeRiskClass')}>
            <Checkbox.Group
              options={feeRiskClasses.map((c) => ({
                value: c,
                label: t(`segments.filter.feeRiskClasses.${c}`, { defaultValue: c }),
              }))}
              data-testid="segment-filter-feeRiskClass"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="customerType" label={t('segments.filter.customerType')}>
            <Checkbox.Group
              options={['residential', 'non_residential'].map((type) => ({
                value: type,
                label: t(`customer.${type}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('segments.filter.scores')}</Typography.Text>
      <Row gutter={16}>
        {scores.map((score) => (
          <Col xs={24} md={8} key={score.code}>
            <Form.Item name={['scores', score.code]} label={pick(score.name)}>
              <Slider range min={score.min} max={score.max} data-testid={`segment-filter-score-${score.code}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="orgUnit" label={t('segments.filter.orgUnit')}>
            <OrgUnitTreeSelect placeholder={t('segments.filter.orgUnitPlaceholder')} testId="segment-filter-orgUnit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="transformerArea" label={t('segments.filter.transformerArea')}>
            <TransformerAreaSelect
              placeholder={t('segments.filter.transformerAreaPlaceholder')}
              testId="segment-filter-transformerArea"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t('segments.filter.industry')}>
            <Input placeholder={t('segments.filter.industryPlaceholder')} maxLength={5} allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16} align="bottom">
        <Col>{triState('important', t('segments.filter.important'))}</Col>
        <Col>{triState('special', t('segments.filter.special'))}</Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <Form.Item>
            <Space>
              <Button onClick={() => onSubmit(new URLSearchParams())} data-testid="segment-reset">
                {t('segments.filter.reset')}
              </Button>
              <Button type="primary" htmlType="submit" data-testid="segment-search">
                {t('segments.filter.search')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
