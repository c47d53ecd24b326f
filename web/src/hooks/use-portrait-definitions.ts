import { useEffect, useState } from 'react';
import { type PortraitDefinitions, portraitApi } from '../api-client/portrait-endpoints.js';

// The catalog changes only with a deploy, so one fetch serves every page of the session.
let cached: Promise<PortraitDefinitions> | null = null;

/** The portrait definitions (GET /api/v1/portraits/definitions), fetched once; undefined until loaded. */
export function usePortraitDefinitions(): PortraitDefinitions | undefined {
  const [definitions, setDefinitions] = useState<PortraitDefinitions>();
  useEffect(() => {
    let current = true;
    cached ??= portraitApi.definitions();
    cached.then(
      (d) => current && setDefinitions(d),
      (error: unknown) => {
        // A failed fetch is not kept, so the next page tries again.
        cached = null;
        console.error('portrait definitions', error);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return definitions;
}
