// Realistic rows for the generated Word fixtures: the 2022 campaign's sections and columns, counties' own schools.

/** One resource as a county would type it: 资源标题 … 备注, in form column order. */
export interface FixtureResource {
  title: string; producer: string; section: string; column: string;
  copyright: string; format: string; summary: string; remark: string;
}

const r = (title: string, producer: string, section: string, column: string, copyright: string,
  format: string, summary: string, remark = ''): FixtureResource =>
  ({ title, producer, section, column, copyright, format, summary, remark });

export const PINGJIANG_RESOURCES: FixtureResource[] = [
  r('平江起义纪念馆里的党史课', '平江县第一中学', '德育', '党史学习', '平江县教育局', '视频',
    '走进平江起义纪念馆，讲述彭德怀领导平江起义的历史。'),
  r('幕阜山下的红色家书', '平江县启明中学', '德育', '爱国主义', '平江县启明中学', '视频',
    '诵读红色家书，感悟革命先辈的家国情怀。', '系列，共3集'),
  r('酱干制作里的劳动智慧', '平江县职业技术学校', '劳动教育', '劳动智慧', '平江县职业技术学校', 'MP4',
    '记录平江酱干从选豆到卤制的传统工艺。'),
  r('校园菜地四季农事', '平江县城关小学', '劳动教育', '劳动光荣', '平江县教育局', '视频',
    '学生在校园菜地完成播种、管理与收获。'),
  r('石牛寨地质科普', '平江县石牛寨镇中心学校', '课后服务', '科普教育', '平江县教育局', '视频',
    '介绍丹霞地貌的形成过程与野外观察方法。'),
  r('平江花鼓戏入门', '平江县实验小学', '课后服务', '文化艺术', '平江县实验小学', '音频',
    '学唱平江花鼓戏经典唱段。'),
  r('山区教师的一天', '平江县教师发展中心', '教师研修', '师德师风', '平江县教育局', '视频',
    '记录山区教师走教、家访与课堂教学的日常。'),
  r('初中数学大单元作业设计', '平江县教师发展中心', '教师研修', '作业命题', '平江县教育局', 'PDF',
    '呈现初中数学大单元作业设计的思路与案例。'),
  r('留守儿童家庭沟通十讲', '平江县关工委', '家庭教育', '家庭教育方法', '平江县教育局', '视频',
    '指导祖辈与外出务工父母和孩子有效沟通。'),
  r('家校共育好家风', '平江县三市镇中心学校', '家庭教育', '家庭教育观念', '平江县三市镇中心学校', '图文',
    '分享好家风故事，引导家长树立科学育儿观念。'),
  r('“双减”背景下的课后服务实践', '平江县教育局', '教改经验', '落实“双减”', '平江县教育局', '文档',
    '总结全县课后服务“5+2”模式的做法与成效。'),
  r('乡村小规模学校教学改革', '平江县教育局', '教改经验', '义务教育', '平江县教育局', '视频',
    '介绍乡村小规模学校复式教学与联校走教经验。'),
];
