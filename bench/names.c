/* SPDX-License-Identifier: GPL-3.0-or-later */
/* names.c - invented but plausible Chinese names for the generated register:
 * organisations, activity teams, people, phones, committees and what teams
 * do. Every choice comes from the caller's generator, so a seed always
 * gives the same names. */
#include "bench/bench.h"

#include <stdio.h>
#include <string.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a) ((a)[bench_rng_below((r), (unsigned)COUNT(a))])

// clang-format off
/* Districts, towns and streets of a city, put before some names. */
static const char *const PLACES[] = {
	"浦东", "浦东新区", "花园", "东方", "金桥", "张江", "陆家嘴", "塘桥", "花木", "洋泾",
	"潍坊", "南码头", "周家渡", "上钢", "东明", "三林", "北蔡", "川沙", "康桥", "高桥",
	"高行", "曹路", "唐镇", "合庆", "祝桥", "惠南", "新场", "航头", "周浦", "万祥",
	"泥城", "书院", "老港", "宣桥", "大团", "长宁", "静安", "徐汇", "普陀", "虹口",
	"杨浦", "闵行",
};

/* The words organisations choose to be known by. */
static const char *const BRANDS[] = {
	"阳光", "绿叶", "益心", "青苗", "乐龄", "星光", "心桥", "和谐", "彩虹", "晨光",
	"向日葵", "春晖", "暖心", "同心", "睦邻", "益家", "善德", "恒爱", "仁和", "百合",
	"启明", "蒲公英", "爱心", "馨家园", "众仁", "新途", "手牵手", "常青藤", "火炬", "明德",
	"知行", "乐群", "融合", "微光", "点滴", "萤火虫", "新芽", "金色", "安康", "福寿",
};

/* What organisations work on. */
static const char *const ORG_THEMES[] = {
	"社工", "公益", "环保", "养老", "助残", "青少年", "文化", "志愿者", "读书", "书画",
	"太极", "合唱", "舞蹈", "心理咨询", "儿童成长", "家庭", "法律援助", "社区营造",
	"邻里互助", "健康促进", "教育", "科普", "体育健身", "为老", "残疾人就业", "妇女发展",
	"助学", "慈善", "戏曲", "非遗传承",
};

/* Suffixes, with the class of credit code such a body is given. */
static const struct {
	const char *word, *code_class;
} ORG_SUFFIXES[] = {
	{ "服务社", "52" }, { "发展中心", "52" }, { "服务中心", "52" }, { "社工事务所", "52" },
	{ "促进会", "51" }, { "协会", "51" },     { "研究会", "51" },   { "联合会", "51" },
	{ "基金会", "53" }, { "服务有限公司", "91" },
};

/* Words teams put before their activity. */
static const char *const TEAM_PREFIXES[] = {
	"晨光", "夕阳红", "彩虹", "阳光", "花园", "东方", "银发", "金色年华", "快乐", "幸福",
	"和美", "邻里", "欢乐", "康乐", "常青", "松鹤", "红枫", "百灵", "天籁", "雅韵",
	"墨香", "丹青", "书香", "悦动", "活力", "青春", "霞光", "金秋", "红叶", "梧桐",
	"玉兰", "海棠", "紫藤", "翠竹", "明珠", "星星", "月亮湾", "滨江", "东苑", "西苑",
};

/* What teams do, with their category (LIST_TEAM_CATEGORY number). */
static const struct {
	const char *word;
	int category;
} TEAM_THEMES[] = {
	{ "太极", 1 },     { "合唱", 1 },       { "舞蹈", 1 },       { "广场舞", 1 },
	{ "书画", 1 },     { "读书", 1 },       { "京剧", 1 },       { "越剧", 1 },
	{ "沪剧", 1 },     { "摄影", 1 },       { "乒乓", 1 },       { "门球", 1 },
	{ "健步走", 1 },   { "腰鼓", 1 },       { "旗袍秀", 1 },     { "民乐", 1 },
	{ "葫芦丝", 1 },   { "朗诵", 1 },       { "木兰拳", 1 },     { "瑜伽", 1 },
	{ "编织", 2 },     { "爱心助老", 2 },   { "公益", 2 },       { "志愿者", 2 },
	{ "环保", 2 },     { "助残", 2 },       { "便民维修", 3 },   { "义务理发", 3 },
	{ "助餐", 3 },     { "家政互助", 3 },   { "平安巡逻", 4 },   { "垃圾分类宣传", 4 },
	{ "楼组自治", 4 }, { "文明劝导", 4 },   { "调解", 5 },       { "老娘舅调解", 5 },
	{ "法律咨询", 5 }, { "手工", 6 },       { "花艺", 6 },       { "茶艺", 6 },
};

static const char *const TEAM_SUFFIXES[] = { "队", "团", "社", "小组", "俱乐部" };

static const char *const NUMERALS[] = { "二", "三", "四", "五", "六", "七", "八", "九", "十" };

static const char *const SURNAMES[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
	"邓", "曹", "彭", "曾", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程",
	"苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "陆", "汪", "范",
	"金", "石", "夏", "方", "顾", "毛", "钱", "严", "欧阳", "司马",
};

static const char *const GIVEN[] = {
	"建国", "秀英", "丽", "明", "娜", "刚", "悦", "芳", "强", "洁", "涛", "静", "东",
	"华", "伟", "敏", "军", "磊", "洋", "勇", "艳", "杰", "娟", "霞", "平", "桂兰",
	"玉兰", "志强", "秀兰", "德明", "美玲", "文", "慧", "峰", "国庆", "晓红", "红",
	"斌", "超", "鹏", "辉", "玲", "婷", "雪", "琳", "宇", "浩", "凯", "佳", "欣",
	"卫东", "建华", "淑珍", "桂英", "海燕", "永强", "春梅", "雅琴",
};

/* Characters of two-character given names, for visitors (names_visitor). */
static const char *const GIVEN_CHARS[] = {
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
	"涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "玲",
	"芬", "燕", "彬", "鑫", "晨", "宇", "浩", "子", "轩", "梓", "涵", "欣", "怡", "佳",
	"俊", "建", "国", "志", "文", "海", "云", "春", "梅", "兰", "凤", "珍", "淑", "慧",
	"雪", "林", "荣", "新", "德", "永", "金", "宝", "家", "晓", "思", "雨", "嘉", "博",
	"天", "诗", "琪", "立", "成", "亮", "婷", "倩", "丹", "瑶",
};

/* Prefixes of the mainland's mobile numbers. */
static const char *const MOBILE_PREFIXES[] = {
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
	"152", "153", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181",
	"182", "183", "185", "186", "187", "188", "189", "198", "199",
};

static const char *const COMMITTEES[] = {
	"阳光", "东方", "花园", "金桥一村", "金桥二村", "碧云", "联洋", "锦绣", "梅园", "竹园",
	"松园", "桃林", "崂山", "潍坊一村", "潍坊二村", "东城", "南城", "北园", "胜利", "前进",
	"明珠", "滨江", "世纪", "银杏", "紫薇", "玉兰", "樱花", "海桐", "翠竹", "浦兴",
	"东陆", "金杨", "博山", "源深", "乳山", "钦洋", "栖山", "灵山", "歇浦", "塘东",
	"福山", "由由", "南泉", "峨山", "冰厂田", "洋泾", "羽山", "桃园",
};

static const char *const STREETS[] = {
	"花园街道", "东方街道", "金桥镇", "张江镇", "潍坊新村街道", "陆家嘴街道", "塘桥街道",
	"洋泾街道",
};

static const char *const TEAM_PLACES[] = {
	"中心广场", "社区活动室", "一楼多功能厅", "舞蹈活动室", "居委会会议室", "小区花园",
	"滨河步道", "社区服务站", "党群服务站", "睦邻中心", "社区文化中心", "老年活动室",
};

static const char *const WEEKDAYS[] = { "一", "二", "三", "四", "五", "六", "日" };
// clang-format on

void names_org(struct bench_rng *r, struct bench_org_name *o)
{
	const char *brand = PICK(r, BRANDS), *theme = PICK(r, ORG_THEMES);
	int suffix = (int)bench_rng_below(r, (unsigned)COUNT(ORG_SUFFIXES));
	const char *place = bench_rng_below(r, 10) < 6 ? PICK(r, PLACES) : "";

	snprintf(o->name, sizeof(o->name), "%s%s%s%s", place, brand, theme,
		 ORG_SUFFIXES[suffix].word);
	/* The short name people use: the brand and the theme when they fit. */
	if (strlen(brand) + strlen(theme) <= 4 * 3)
		snprintf(o->short_name, sizeof(o->short_name), "%s%s", brand, theme);
	else
		o->short_name[0] = '\0';
	o->code_class = ORG_SUFFIXES[suffix].code_class;
}

void names_team(struct bench_rng *r, int variant, struct bench_team_name *t)
{
	const char *prefix = PICK(r, TEAM_PREFIXES), *suffix = PICK(r, TEAM_SUFFIXES);
	int theme = (int)bench_rng_below(r, (unsigned)COUNT(TEAM_THEMES));
	char numeral[16] = "";

	if (variant >= 2 && variant - 2 < COUNT(NUMERALS))
		snprintf(numeral, sizeof(numeral), "%s", NUMERALS[variant - 2]);
	else if (variant >= 2)
		snprintf(numeral, sizeof(numeral), "%d", variant);
	snprintf(t->name, sizeof(t->name), "%s%s%s%s", prefix, TEAM_THEMES[theme].word, numeral,
		 suffix);
	t->theme = TEAM_THEMES[theme].word;
	t->category = TEAM_THEMES[theme].category;
}

void names_person(struct bench_rng *r, char *out, size_t outsz)
{
	const char *surname = PICK(r, SURNAMES), *given = PICK(r, GIVEN);

	snprintf(out, outsz, "%s%s", surname, given);
}

void names_visitor(struct bench_rng *r, char *out, size_t outsz)
{
	/* SURNAMES runs from the commonest: a square skews towards its start. */
	double u = (double)(bench_rng_next(r) >> 11) / (double)(1ull << 53);
	const char *surname = SURNAMES[(int)(u * u * COUNT(SURNAMES))];

	if (bench_rng_below(r, 3) == 0)
		snprintf(out, outsz, "%s%s", surname, PICK(r, GIVEN));
	else
		snprintf(out, outsz, "%s%s%s", surname, PICK(r, GIVEN_CHARS), PICK(r, GIVEN_CHARS));
}

void names_mobile(struct bench_rng *r, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%08u", PICK(r, MOBILE_PREFIXES), bench_rng_below(r, 100000000));
}

void names_phone(struct bench_rng *r, char *out, size_t outsz)
{
	static const char *const MOBILE[] = { "13", "13", "13", "15", "15", "17", "18", "18", "19" };

	if (bench_rng_below(r, 10) == 0)
		snprintf(out, outsz, "021-%d%07u", bench_rng_range(r, 3, 6),
			 bench_rng_below(r, 10000000));
	else
		snprintf(out, outsz, "%s%u%08u", PICK(r, MOBILE), bench_rng_below(r, 10),
			 bench_rng_below(r, 100000000));
}

int names_committee_count(void)
{
	return COUNT(COMMITTEES);
}

void names_committee(int i, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s居委会", COMMITTEES[i]);
}

const char *names_street(int committee)
{
	return STREETS[committee % COUNT(STREETS)];
}

void names_activity(struct bench_rng *r, const char *theme, char *content, size_t content_sz,
		    char *place, size_t place_sz, char *schedule, size_t schedule_sz)
{
	static const char *const DOING[] = { "日常活动与交流", "排练与社区展示", "学习与互助",
					     "定期活动，服务社区居民" };
	int start = bench_rng_range(r, 7, 19);

	snprintf(content, content_sz, "%s%s", theme, PICK(r, DOING));
	snprintf(place, place_sz, "%s", PICK(r, TEAM_PLACES));
	if (bench_rng_below(r, 5) == 0)
		snprintf(schedule, schedule_sz, "每天 %02d:30-%02d:30", start - 1, start);
	else
		snprintf(schedule, schedule_sz, "每周%s %02d:00-%02d:00", PICK(r, WEEKDAYS), start,
			 start + bench_rng_range(r, 1, 2));
}
