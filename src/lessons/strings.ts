import { defineStrings } from '../ui/i18n';

export const widgetHostStrings = defineStrings(
  {
    loadingWidget: 'Loading the interactive…',
    widgetCrashed: 'This interactive stopped working.',
    crashDetail: 'Reason: {message}. The rest of the lesson still works.',
    chunkFailed: 'Its code could not be loaded (the network may be off, or a new version was published). Try again reloads the page.',
    retry: 'Try again',
    invalidParams: 'The lesson gives the interactive “{name}” settings it cannot use:',
    comingSoon: 'Interactive coming soon',
    comingSoonGeneric: 'An interactive for this part of the lesson is being built.',
    lessonError: 'Lesson error',
    addressRejected: 'Some settings in the address could not be used and were left at the lesson’s values: {names}.',
    embed: 'Open alone (for slides and course sites)',
  },
  {
    loadingWidget: '正在加载交互组件…',
    widgetCrashed: '这个交互组件出错了。',
    crashDetail: '原因：{message}。课程的其余部分仍可正常使用。',
    chunkFailed: '它的代码无法加载（可能是网络已断开，或者发布了新版本）。点击“重试”会重新加载页面。',
    retry: '重试',
    invalidParams: '课程为交互组件“{name}”提供的设置无法使用：',
    comingSoon: '交互组件即将推出',
    comingSoonGeneric: '这一部分的交互组件正在制作中。',
    lessonError: '课程错误',
    addressRejected: '地址中的部分设置无法使用，已保留课程中的值：{names}。',
    embed: '单独打开（用于幻灯片和课程网站）',
  },
);

/** The summary of a revealable answer under a "Check yourself" question. */
export const answerStrings = defineStrings({ showAnswer: 'Show answer' }, { showAnswer: '查看答案' });
