import { useParams } from 'react-router-dom';
import { ApiError } from '../api-client/http.js';
import { AREA_KINDS, type AreaKind } from '../api-client/portrait-endpoints.js';
import { ApiErrorResult } from '../components/api-error-result.js';
import { AreaPortraitSection } from '../components/portrait-area-section.js';

const isAreaKind = (kind: string | undefined): kind is AreaKind => AREA_KINDS.includes(kind as AreaKind);

/** /areas/:kind/:id — the portrait of one transformer area, feeder, grid or supply station. */
export default function AreaPage() {
  const { kind, id } = useParams();
  if (!isAreaKind(kind) || !id)
    return <ApiErrorResult error={new ApiError('NOT_FOUND', `No area kind '${kind ?? ''}'`, 404)} />;
  return <AreaPortraitSection kind={kind} id={id} />;
}
