// UI-kit strings (step controls, number fields, grids) in English and Simplified Chinese.
import { defineStrings } from './i18n';

export const uiStrings = defineStrings(
  {
    stepBack: 'Step back',
    step: 'Step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    speed: 'Speed',
    stepOf: 'Step {k} of {total}',
    controls: 'Animation controls',
    keysHint: 'Keys: space play/pause, ← → step',
    notANumber: 'Not a number: “{text}”',
    notWhole: 'Must be a whole number',
    atLeast: 'Must be at least {min}',
    atMost: 'Must be at most {max}',
    empty: 'Enter a number',
    editCell: 'Row {r}, column {c}: {v}. Press Enter to edit.',
    cell: 'Row {r}, column {c}: {v}',
    editHint: 'Enter a number, then press Enter (Escape cancels)',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    copyThisLink: 'Copy this link',
  },
  {
    stepBack: '后退一步',
    step: '前进一步',
    play: '播放',
    pause: '暂停',
    reset: '重置',
    speed: '速度',
    stepOf: '第 {k} 步，共 {total} 步',
    controls: '动画控制',
    keysHint: '按键：空格 播放/暂停，← → 单步',
    notANumber: '不是数字：“{text}”',
    notWhole: '必须是整数',
    atLeast: '不能小于 {min}',
    atMost: '不能大于 {max}',
    empty: '请输入一个数',
    editCell: '第 {r} 行，第 {c} 列：{v}。按 Enter 编辑。',
    cell: '第 {r} 行，第 {c} 列：{v}',
    editHint: '输入一个数后按 Enter（Escape 取消）',
    copyLink: '复制链接',
    linkCopied: '链接已复制',
    copyThisLink: '复制这个链接',
  },
);

/** The buttons and the step count of every job-driven widget (training, style transfer, the demo job). */
export const jobStrings = defineStrings(
  { start: 'Start', resume: 'Resume', pause: 'Pause', stepOnce: 'Step', reset: 'Reset', cancel: 'Cancel', stepCount: 'Step' },
  { start: '开始', resume: '继续', pause: '暂停', stepOnce: '单步', reset: '重置', cancel: '取消', stepCount: '步数' },
);
