// Why a Word attachment could not be read, in the words shown to the county
// ("附件《X.docx》无法打开：<reason>。请……"): short, no trailing full stop.
import { MAX_ATTACHMENT_BYTES, MAX_WORD_XML_ELEMENTS } from '../limits.ts';

// Rounded up, so a file just over the limit never reads as equal to it.
const mb = (bytes: number) => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;

const wan = (count: number) => Math.round(count / 10_000);

export const WORD_REASONS = {
  tooLarge: (size: number) => `文件大小 ${mb(size)}，超过 ${mb(MAX_ATTACHMENT_BYTES)} 的上限`,
  notWord: '这不是 Word 文档（.docx、.doc 或 .wps），可能是改了扩展名的其他文件',
  corrupt: '文件已损坏或不完整（可能下载或发送时中断）',
  encrypted: '文件设置了打开密码（已加密），无法读取',
  bomb: '文件解压后体积异常巨大（疑似压缩炸弹），为安全起见不予打开',
  tooManyElements: (count: number) => `文件内容异常庞大（约 ${wan(count)} 万个排版元素，超过 ${wan(MAX_WORD_XML_ELEMENTS)} 万的上限；`
    + '一份推荐表通常只有几千个），可能复制出了成千上万个空行或重复行，请先删去多余的行',
  unreadable: '文件内容无法解析，可能已损坏',
} as const;
