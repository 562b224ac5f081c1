// UI strings of the pieces in widgets/shared, in English and Simplified Chinese.
import { defineStrings } from '../../ui/i18n';

/** Why a model file was rejected (the problem codes of ModelFileError and the lab's jobs). */
export const fileProblemStrings = defineStrings(
  {
    'not-model': 'it is not a ConvLab model file',
    version: 'it was written in model-file format {version}; this version of ConvLab reads format {supported}',
    truncated: 'the file is cut short (an interrupted download?)',
    damaged: 'the file is damaged: its contents do not match its own checksum or sizes',
    'invalid-model': 'the file describes a network this app cannot build or fill with its weights',
    'big-endian': 'this computer stores numbers in an order model files do not use (big-endian)',
    'not-digits': 'this network reads {shape} inputs; the lab needs 28×28×1 digits',
    'not-lab-network': 'this network is not one of the lab’s (LeNet-5-like, tiny CNN, plain MLP)',
    'no-conv': 'this network has no convolutional layer to look into',
    'no-file': 'no file was given',
    'too-big': 'it declares a network far larger than this app can build',
    'bad-rate': 'it sets the learning rate to {value}; the lab accepts a rate above 0 and at most {max}',
    'bad-setting': 'it holds a setting the lab does not accept ({value})',
    'bad-count': 'it states an impossible training count ({name} = {value})',
  },
  {
    'not-model': '它不是 ConvLab 模型文件',
    version: '它使用模型文件格式 {version} 写成；当前版本的 ConvLab 只能读取格式 {supported}',
    truncated: '文件不完整（下载是否中断了？）',
    damaged: '文件已损坏：内容与它自带的校验和或大小不符',
    'invalid-model': '文件描述的网络无法在本应用中构建，或无法装入其中的权重',
    'big-endian': '这台计算机的数字字节序（大端序）与模型文件不同',
    'not-digits': '这个网络的输入是 {shape}；实验室需要 28×28×1 的数字图像',
    'not-lab-network': '这个网络不是实验室中的结构之一（类 LeNet-5、小型 CNN、普通 MLP）',
    'no-conv': '这个网络没有可以查看的卷积层',
    'no-file': '没有提供文件',
    'too-big': '它声明的网络远远超出本应用能够构建的规模',
    'bad-rate': '它把学习率设为 {value}；实验室只接受大于 0、不超过 {max} 的学习率',
    'bad-setting': '它包含实验室不接受的设置（{value}）',
    'bad-count': '它记录的训练计数不可能成立（{name} = {value}）',
  },
);

/** The measured-cost panel beside a counted comparison (inception-cost, depthwise-separable). */
export const measuredCostStrings = defineStrings(
  {
    title: 'Measured on this device',
    intro: 'The counts above are multiplications. Press the button to run both versions in the worker on our engine, several times each, and compare the clock with the count.',
    time: 'Time both',
    timing: 'Timing…',
    ms: '{ms} ms per run ({rate} billion multiply-adds per second, median of {runs} runs)',
    measured: 'Measured ratio',
    counted: 'Counted ratio',
    agree: 'The clock agrees with the count (within 25 %): on these sizes the time goes into multiplying.',
    differ: 'The clock gives {measured}× where the count gives {counted}×: {a} ran at {rateA} and {b} at {rateB} billion multiply-adds per second.',
    more: 'The saving on the clock is larger than the count: the same multiplication takes a different time in layers of different shapes (how well the data fits the cache, how busy the SIMD lanes are, the fixed overhead of each layer).',
    noisy: 'Other programs on this machine make timings noisy; press again to repeat.',
    stale: 'The sizes changed since the last timing; press the button again.',
    failed: 'The timing could not run: {msg}',
  },
  {
    title: '在本设备上实测',
    intro: '上面的计数是乘法次数。按下按钮，在工作线程里用我们的引擎把两种做法各运行若干次，再把时钟与计数比较。',
    time: '测量两者用时',
    timing: '正在计时……',
    ms: '每次 {ms} 毫秒（每秒 {rate} 十亿次乘加，{runs} 次运行的中位数）',
    measured: '实测比值',
    counted: '计数比值',
    agree: '时钟与计数一致（相差在 25% 以内）：在这些尺寸上，时间花在乘法上。',
    differ: '时钟给出 {measured}×，计数给出 {counted}×：{a} 每秒 {rateA} 十亿次乘加，{b} 每秒 {rateB} 十亿次乘加。',
    more: '时钟上的节省比计数还大：同样的乘法在形状不同的层里花的时间不同（数据能否装进缓存、SIMD 通道有多忙、每层固定的开销）。',
    noisy: '这台机器上的其他程序会让计时有噪声；再按一次可以重复测量。',
    stale: '上次计时之后尺寸改变了；请再按一次按钮。',
    failed: '无法计时：{msg}',
  },
);
