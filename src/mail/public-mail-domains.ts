// Mail domains anyone can sign up to: sharing one says nothing about who a sender is (the city and most counties
// use 126.com themselves).

const PUBLIC_MAIL_DOMAINS = new Set([
  '126.com', '163.com', 'yeah.net', '188.com', 'vip.126.com', 'vip.163.com', 'vip.188.com', 'qq.com', 'vip.qq.com',
  'foxmail.com', 'sina.com', 'sina.cn', 'vip.sina.com', 'sohu.com', 'vip.sohu.com', 'aliyun.com', '139.com',
  '189.cn', 'wo.cn', '21cn.com', 'tom.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'gmail.com',
  'yahoo.com', 'icloud.com', 'me.com',
]);

/** Whether an address is at a public mail provider (its domain, lower-cased, in the list). */
export function atPublicMailDomain(address: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(address.slice(address.lastIndexOf('@') + 1).toLowerCase());
}
