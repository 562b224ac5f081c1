// The pictures of style transfer: the packed stem's weights (loaded once), the built-in C and S
// at the chosen size, the reader's uploads (read once at the largest size, shrunk to the chosen
// one), which C and S are chosen, and their bytes for the canvases.
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { fmt } from '../../ui/i18n';
import type { UploadProblem } from '../shared/upload';
import { loadPictures, loadStemModel, readRgbUpload, shrinkPicture, toBytes, type Rgb01 } from '../shared/stylePictures';
import { ST_SIZES, type StyleFit, type StyleSize, type StyleTransferParams } from './params';
import type { ContentName, StyleName } from '../../data/stylePictures';
import type { styleStrings } from './strings';

export type ContentKey = ContentName | 'upload';
export type StyleKey = StyleName | 'upload';
type Strings = (typeof styleStrings)['en'];

const LARGEST = ST_SIZES[ST_SIZES.length - 1];

export function useStylePictures(params: StyleTransferParams, size: StyleSize, res3: boolean, fit: StyleFit, t: Strings, onChange: () => void) {
  const [drawn, setDrawn] = useState<{ size: number; contents: Record<string, Rgb01>; styles: Record<string, Rgb01> } | null>(null);
  const [weights, setWeights] = useState<Awaited<ReturnType<typeof loadStemModel>> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [contentKey, setContentKey] = useState<ContentKey>(params.content);
  const [styleKey, setStyleKey] = useState<StyleKey>(params.style);
  const [uploads, setUploads] = useState<{ content?: Rgb01; style?: Rgb01 }>({});
  // the files themselves, so a change of fit re-reads them
  const [files, setFiles] = useState<{ content?: File; style?: File }>({});
  const [uploadError, setUploadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setWeights((w) => (w && (!res3 || w.res3) ? w : null));
    loadStemModel(res3)
      .then((w) => live && (setWeights(w), setLoadError(null)))
      .catch((e: unknown) => live && setLoadError(fmt(t.loadFailed, { msg: e instanceof Error ? e.message : String(e) })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the pictures and the network load once per mount, and again when res3 is first wanted
  }, [res3]);
  useEffect(() => {
    let live = true;
    loadPictures(size).then((p) => live && setDrawn({ size, ...p }));
    return () => {
      live = false;
    };
  }, [size]);

  const builtIn = drawn?.size === size ? drawn : null;
  const contentPic = useMemo(
    () => (contentKey === 'upload' ? uploads.content && shrinkPicture(uploads.content, size) : builtIn?.contents[contentKey]),
    [contentKey, uploads.content, builtIn, size],
  );
  const stylePic = useMemo(
    () => (styleKey === 'upload' ? uploads.style && shrinkPicture(uploads.style, size) : builtIn?.styles[styleKey]),
    [styleKey, uploads.style, builtIn, size],
  );
  // bytes for the C and S canvases, made once per picture (not on every progress event)
  const contentBytes = useMemo(() => (contentPic ? toBytes(contentPic) : null), [contentPic]);
  const styleBytes = useMemo(() => (stylePic ? toBytes(stylePic) : null), [stylePic]);

  const problemText = (p: UploadProblem, name: string) =>
    p.code === 'too-big' ? fmt(t.tooBig, { name, mb: p.mb }) : p.code === 'too-small' ? fmt(t.tooSmall, { name, w: p.w, h: p.h }) : fmt(t.notImage, { name });
  const read = async (which: 'content' | 'style', file: File, how: StyleFit): Promise<boolean> => {
    const r = await readRgbUpload(file, LARGEST, how);
    if (!r.ok) {
      setUploadError(problemText(r.problem, file.name));
      return false;
    }
    setUploadError(null);
    setUploads((u) => ({ ...u, [which]: r.picture }));
    setFiles((f) => ({ ...f, [which]: file }));
    return true;
  };
  const onFile = (which: 'content' | 'style') => async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file || !(await read(which, file, fit))) return;
    if (which === 'content') setContentKey('upload');
    else setStyleKey('upload');
    onChange();
  };
  // a new fit re-reads the uploads already made
  useEffect(() => {
    if (files.content) void read('content', files.content, fit);
    if (files.style) void read('style', files.style, fit);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fit]);

  return {
    weights, loadError, uploads, uploadError,
    contentKey, styleKey, contentPic, stylePic, contentBytes, styleBytes,
    chooseContent: (k: ContentKey) => (setContentKey(k), onChange()),
    chooseStyle: (k: StyleKey) => (setStyleKey(k), onChange()),
    onFile,
    ready: !!weights && (!res3 || !!weights.res3) && !!contentPic && !!stylePic,
  };
}
