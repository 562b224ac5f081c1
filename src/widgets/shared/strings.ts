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
