// What the app lends a kind's views besides the answer: its recordings and my projects, scoped
// to one round of one session, backed by the store (kinds never import the store).
import { useMemo } from 'react';
import type { MediaAccess, ProjectAccess } from '../kinds/views';
import { useApp } from './store-context';

export function useMediaAccess(sessionId: string, index: number): MediaAccess {
  const putMedia = useApp((s) => s.putMedia);
  const listMedia = useApp((s) => s.listMedia);
  const deleteClip = useApp((s) => s.deleteClip);
  return useMemo(
    () => ({
      put: (piece) => putMedia(index, piece),
      list: () => listMedia(sessionId, index),
      remove: (clip) => deleteClip(sessionId, index, clip),
    }),
    [putMedia, listMedia, deleteClip, sessionId, index],
  );
}

export function useProjectAccess(): ProjectAccess {
  const listProjects = useApp((s) => s.listProjects);
  const saveProject = useApp((s) => s.saveProject);
  return useMemo(() => ({ list: listProjects, save: saveProject }), [listProjects, saveProject]);
}
