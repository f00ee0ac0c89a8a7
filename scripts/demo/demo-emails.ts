// The demo's county emails: which fixture, when it reached the city mailbox (IMAP INTERNALDATE), what it shows.
export interface DemoEmail { file: string; internalDate: string; shows: string }

export const DEMO_EMAILS: DemoEmail[] = [
  { file: 'test/fixtures/samples/湘阴县-accepted.eml', internalDate: '2022-07-01T14:20:11+08:00', shows: '按时、完整、盖章：受理' },
  { file: 'test/fixtures/eml/平江县-PDF未盖章.eml', internalDate: '2022-07-02T09:10:00+08:00', shows: 'PDF未盖章：退回' },
  { file: 'test/fixtures/eml/平江县-受理-GBK.eml', internalDate: '2022-07-03T16:45:00+08:00', shows: '平江县重新报送（GBK编码）：受理并替代前一次' },
  { file: 'test/fixtures/eml/华容县-受理-wps.eml', internalDate: '2022-07-04T23:59:00+08:00', shows: '截止当日23:59的WPS文件：受理' },
  { file: 'test/fixtures/eml/临湘市-逾期.eml', internalDate: '2022-07-05T00:00:30+08:00', shows: '截止次日00:00后收到：逾期退回' },
  { file: 'test/fixtures/eml/平江县-表内多处错误.eml', internalDate: '2022-07-02T11:00:00+08:00', shows: '栏目填错等多处错误：退回并逐条说明' },
  { file: 'test/fixtures/eml/岳阳县-受理-doc-8bit.eml', internalDate: '2022-07-02T15:30:00+08:00', shows: '旧版.doc、8位GBK邮件头：受理' },
  { file: 'test/fixtures/eml/自动回复.eml', internalDate: '2022-07-01T08:00:00+08:00', shows: '自动回复：不回信，留在收件箱' },
  { file: 'test/fixtures/eml/咨询-无附件.eml', internalDate: '2022-07-01T09:00:00+08:00', shows: '咨询邮件：不是报送，留给工作人员' },
];
