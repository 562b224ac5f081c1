// A question drawn from a seed, an answer field, and a verdict: on a wrong answer the right
// one with the computation done with the drawn numbers; unreadable input gets a message and
// stays in the field. "New question" draws a new seed.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { CellGrid, useThemePalette } from '../../ui';
import { divergingScale, maxAbs } from '../../viz/colors';
import { fmt, useStrings } from '../../ui/i18n';
import { checkAnswer, formatAnswer, makeQuestion, type Question, type Verdict } from './view/index';
import type { WidgetProps } from '../types';
import type { ExerciseParams } from './params';
import { exerciseStrings } from './strings';
import './exercise.css';

const freshSeed = () => Math.floor(Math.random() * 2 ** 31);

type Dict = ReturnType<typeof useStrings<typeof exerciseStrings.en>>;

function promptOf(q: Question, t: Dict): string {
  const vars = { ...q.vars };
  if (q.kind === 'pool-output') vars.mode = q.vars.mode === 'max' ? t.max : t.avg;
  // Without padding and with stride 1 the question needs neither word (lessons 01 and 03 come first).
  const plain = q.kind === 'output-size' && q.vars.p === 0 && q.vars.s === 1;
  const key = q.kind === 'conv-1d-3d' ? (q.vars.dims === 1 ? 'q-conv-1d' : 'q-conv-3d') : plain ? 'q-output-size-plain' : (`q-${q.kind}` as keyof Dict);
  return fmt(t[key as keyof Dict], vars);
}

export default function Exercise({ params }: WidgetProps<ExerciseParams>) {
  const t = useStrings(exerciseStrings);
  const [seed, setSeed] = useState(freshSeed);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const { kind, p, s, anchors } = params;
  const q = useMemo(() => makeQuestion(kind, seed, { p, s, anchors }), [kind, seed, p, s, anchors]);
  const id = useId();
  const palette = useThemePalette();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setVerdict(checkAnswer(q.answer, text));
  };
  const next = () => {
    setSeed((s) => (s + 1 + Math.floor(Math.random() * 1000)) % 2 ** 31);
    setText('');
    setVerdict(null);
  };

  const hint = { int: t.hintInt, real: t.hintReal, shape: t.hintShape, set: t.hintSet }[q.answer.type];
  let unreadable: string | null = null;
  if (verdict?.status === 'unreadable') {
    unreadable =
      verdict.reason === 'empty' ? t.empty : fmt(verdict.reason === 'not-a-shape' ? (q.answer.type === 'set' ? t.notList : t.notShape) : q.answer.type === 'real' ? t.notReal : t.notNumber, { text });
  }
  const status = verdict && verdict.status !== 'unreadable' ? verdict.status : '';

  return (
    <section className="ex" data-kind={params.kind} data-seed={seed} aria-labelledby={`${id}-title`}>
      <h3 className="ex-title" id={`${id}-title`}>{t.title}</h3>
      <p className="ex-prompt" data-prompt="">{promptOf(q, t)}</p>
      {q.grids && (
        <div className="ex-grids">
          <figure>
            <CellGrid rows={3} cols={3} values={q.grids.patch.flat()} label={t.patch} cellEm={2.2} name="patch" />
            <figcaption>{t.patch}</figcaption>
          </figure>
          <span className="ex-op" aria-hidden="true">∗</span>
          <figure>
            <CellGrid rows={3} cols={3} values={q.grids.filter.flat()} label={t.filter} cellEm={2.2} name="filter" color={divergingScale(maxAbs(q.grids.filter.flat()), palette)} />
            <figcaption>{t.filter}</figcaption>
          </figure>
        </div>
      )}
      <form className="ex-form" onSubmit={submit}>
        <label htmlFor={`${id}-answer`}>{t.answer}</label>
        <input
          id={`${id}-answer`}
          type="text"
          inputMode={q.answer.type === 'shape' ? 'text' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={hint}
          aria-invalid={unreadable ? true : undefined}
          aria-describedby={unreadable ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (verdict) setVerdict(null);
          }}
        />
        <button type="submit" className="ex-primary" data-action="check">{t.check}</button>
        <button type="button" onClick={next} data-action="new-question">{t.newQuestion}</button>
      </form>
      {unreadable && (
        <p className="ex-unreadable" id={`${id}-err`} role="alert">{unreadable}</p>
      )}
      <output className={`ex-verdict ex-${status || 'none'}`} data-metric="answer-status" data-value={status} aria-live="polite">
        {status === 'right' && <strong>{t.right}</strong>}
        {status === 'wrong' && (
          <>
            <strong>
              {t.wrong.split('{answer}')[0]}
              <span data-metric="correct-answer" data-value={formatAnswer(q.answer)}>{formatAnswer(q.answer)}</span>
              {t.wrong.split('{answer}')[1]}
            </strong>
          </>
        )}
        {status !== '' && (
          <span className="ex-work">
            <span className="ex-work-title">{t.howTo}</span>
            {q.work.map((line, i) => (
              <code key={i}>{line}</code>
            ))}
          </span>
        )}
      </output>
    </section>
  );
}
