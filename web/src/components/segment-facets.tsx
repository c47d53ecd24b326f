import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortraitDefinitions } from '../api-client/portrait-endpoints.js';
import type { Segment } from '../api-client/segment-endpoints.js';
import { type ChartOption, EChart } from './echart.js';
import { usePickName } from './portrait-format.js';

const GRADE_COLOR: Record<string, string> = { A: '#52c41a', B: '#1677ff', C: '#faad14', D: '#fa8c16', E: '#f5222d' };
const CLASS_COLOR: Record<string, string> = { '1': '#52c41a', '2': '#fa8c16', '3': '#f5222d' };
const CHART_HEIGHT = 220;

function barOption(labels: string[], counts: number[], colors?: string[]): ChartOption {
  return {
    animation: false,
    grid: { left: 40, right: 12, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: counts.map((value, i) => (colors?.[i] ? { value, itemStyle: { color: colors[i] } } : value)),
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/**
 * What the selected customers are made of: credit grades, fee risk classes, child org units
 * and the most held tags. A click on a grade or unit bar narrows the filter to it.
 */
export function SegmentFacets({
  segment,
  definitions,
  onNarrow,
}: {
  segment: Segment;
  definitions: PortraitDefinitions;
  onNarrow: (key: 'creditGrade' | 'orgUnit', value: string) => void;
}) {
  const { t } = useTranslation();
  const pick = usePickName();
  const { facets } = segment;
  const tagName = (code: string) => {
    const tag = definitions.tags.find((x) => x.subject === 'customer' && x.code === code);
    return tag ? pick(tag.name) : code;
  };
  const grades = facets.creditGrade;
  const units = facets.orgUnits.children;
  const tags = [...facets.tags].reverse();
  const unitTitle = facets.orgUnits.unit
    ? t('segments.facets.orgUnitsOf', { unit: facets.orgUnits.unit.name })
    : t('segments.facets.orgUnits');

  const feeRiskOption: ChartOption = {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{c}' },
        data: facets.feeRiskClass.map((f) => ({
          name: t(`segments.filter.feeRiskClasses.${f.key}`, { defaultValue: f.key }),
          value: f.count,
          itemStyle: { color: CLASS_COLOR[f.key] ?? '#8c8c8c' },
        })),
      },
    ],
  };
  const tagsOption: ChartOption = {
    animation: false,
    grid: { left: 110, right: 36, top: 8, bottom: 20 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: tags.map((f) => tagName(f.key)), axisLabel: { width: 100, overflow: 'truncate' } },
    series: [
      { type: 'bar', data: tags.map((f) => f.count), barMaxWidth: 14, label: { show: true, position: 'right' } },
    ],
  };

  return (
    <Row gutter={[16, 16]} data-testid="segment-facets">
      <Col xs={24} lg={8}>
        <Card size="small" title={t('segments.facets.creditGrade')}>
          <EChart
            testId="segment-facet-creditGrade"
            style={{ height: CHART_HEIGHT }}
            option={barOption(
              grades.map((g) => g.key),
              grades.map((g) => g.count),
              grades.map((g) => GRADE_COLOR[g.key] ?? '#8c8c8c'),
            )}
            onClick={({ dataIndex }) => {
              const grade = grades[dataIndex];
              if (grade) onNarrow('creditGrade', grade.key);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('segments.facets.feeRiskClass')}>
          <EChart testId="segment-facet-feeRiskClass" style={{ height: CHART_HEIGHT }} option={feeRiskOption} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={unitTitle}>
          <EChart
            testId="segment-facet-orgUnits"
            style={{ height: CHART_HEIGHT }}
            option={barOption(
              [...units.map((u) => u.name), ...(facets.orgUnits.direct > 0 ? [t('segments.facets.direct')] : [])],
              [...units.map((u) => u.count), ...(facets.orgUnits.direct > 0 ? [facets.orgUnits.direct] : [])],
            )}
            onClick={({ dataIndex }) => {
              const unit = units[dataIndex];
              if (unit) onNarrow('orgUnit', unit.id);
            }}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('segments.facets.tags')}>
          <EChart
            testId="segment-facet-tags"
            style={{ height: Math.max(120, tags.length * 22 + 40) }}
            option={tagsOption}
          />
        </Card>
      </Col>
    </Row>
  );
}
