// The code editor: CodeMirror 6 with JavaScript highlighting, in a useRef/useEffect island.
// Loaded lazily (this module is its own chunk), so only lessons with an exercise pay for it.
// Keyboard: Tab indents; Esc then Tab moves focus on (CodeMirror's tab-focus escape).
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { javascriptLanguage } from '@codemirror/lang-javascript';
import { tags as t } from '@lezer/highlight';
import { minimalSetup } from 'codemirror';

export interface EditorHandle {
  /** Replace the whole text as one undoable change (Ctrl+Z brings the old text back). */
  replace(code: string): void;
  focus(): void;
}

export interface EditorProps {
  initial: string;
  label: string;
  describedBy?: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

// Colours from the app's palette variables (light, dark and presenter themes follow).
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.operatorKeyword], color: 'var(--code-keyword)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--code-number)' },
  { tag: [t.string], color: 'var(--code-string)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: 'var(--code-function)' },
  { tag: [t.propertyName], color: 'var(--code-property)' },
]);

const theme = EditorView.theme({
  '&': { fontSize: 'var(--code-size)', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '8px' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)', padding: '0.5rem 0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', border: 'none', borderRadius: '8px 0 0 8px' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 55%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
});

const Editor = forwardRef<EditorHandle, EditorProps>(function Editor({ initial, label, describedBy, onChange, onRun }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };

  useEffect(() => {
    const attrs: Record<string, string> = { 'aria-label': label, 'aria-multiline': 'true', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' };
    if (describedBy) attrs['aria-describedby'] = describedBy;
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          minimalSetup,
          lineNumbers(),
          highlightActiveLine(),
          bracketMatching(),
          indentOnInput(),
          javascriptLanguage,
          syntaxHighlighting(highlight),
          theme,
          EditorState.tabSize.of(2),
          keymap.of([
            { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
            indentWithTab,
          ]),
          EditorView.contentAttributes.of(attrs),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor owns its text after mount; `initial` seeds it once.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the editor owns its text after mount; initial seeds it once
  }, []);

  useImperativeHandle(ref, () => ({
    replace(code) {
      const v = view.current;
      if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: code }, userEvent: 'input.replace' });
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div ref={host} className="code-exercise-editor" data-editor="codemirror" />;
});

export default Editor;
