"""Resident ID numbers (GB 11643) and Chinese names, generated vectorised."""

from __future__ import annotations

import numpy as np

WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
CHECK = np.array(list("10X98765432"))

# Real GB/T 2260 county-level codes.
ZHONGSHAN = "442000"
GUANGDONG = {
    "440103": "荔湾区", "440104": "越秀区", "440105": "海珠区", "440106": "天河区", "440111": "白云区",
    "440112": "黄埔区", "440113": "番禺区", "440114": "花都区", "440115": "南沙区", "440117": "从化区",
    "440118": "增城区", "440203": "武江区", "440204": "浈江区", "440205": "曲江区", "440222": "始兴县",
    "440224": "仁化县", "440229": "翁源县", "440232": "乳源瑶族自治县", "440233": "新丰县", "440281": "乐昌市",
    "440282": "南雄市", "440303": "罗湖区", "440304": "福田区", "440305": "南山区", "440306": "宝安区",
    "440307": "龙岗区", "440308": "盐田区", "440402": "香洲区", "440403": "斗门区", "440404": "金湾区",
    "440507": "龙湖区", "440511": "金平区", "440512": "濠江区", "440513": "潮阳区", "440514": "潮南区",
    "440515": "澄海区", "440523": "南澳县", "440604": "禅城区", "440605": "南海区", "440606": "顺德区",
    "440607": "三水区", "440608": "高明区", "440703": "蓬江区", "440704": "江海区", "440705": "新会区",
    "440781": "台山市", "440783": "开平市", "440784": "鹤山市", "440785": "恩平市", "441302": "惠城区",
    "441303": "惠阳区", "441322": "博罗县", "441323": "惠东县", "441324": "龙门县", "441900": "东莞市",
    "442000": "中山市",
}
MIGRANT = ["430102", "430611", "360102", "360731", "450103", "451102", "510104", "511602", "522101", "350102"]
ZHONGSHAN_TOWNS = ["石岐街道", "东区街道", "西区街道", "南区街道", "五桂山街道", "火炬开发区", "黄圃镇", "南头镇",
                   "东凤镇", "阜沙镇", "小榄镇", "古镇镇", "横栏镇", "港口镇", "沙溪镇", "大涌镇", "三乡镇",
                   "坦洲镇", "板芙镇", "神湾镇", "三角镇", "民众镇", "南朗镇"]
TOWN_NAMES = ["城关街道", "东城街道", "西城街道", "新华镇", "龙山镇", "石桥镇", "白沙镇", "长安镇", "太平镇", "清溪镇",
              "大塘镇", "凤凰镇", "沙田镇", "横沥镇", "黄田镇"]

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅金凤春海林荣文德辉成永亮晓燕佳慧婷")


def check_chars(body: np.ndarray) -> np.ndarray:
    """Check characters for an (n, 17) array of digits."""
    return CHECK[(body * WEIGHTS).sum(axis=1) % 11]


def digits_of(strings: np.ndarray, width: int) -> np.ndarray:
    """(n,) array of equal-length digit strings → (n, width) int array."""
    raw = np.frombuffer("".join(strings).encode("ascii"), dtype=np.uint8).reshape(len(strings), width)
    return (raw - 48).astype(np.int64)


def make_ids(region: np.ndarray, birth: np.ndarray, male: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Valid, unique 18-character IDs. region: (n,) of 6-digit str; birth: datetime64[D]; male: bool."""
    n = len(region)
    ymd = np.char.replace(np.datetime_as_string(birth, unit="D").astype("U10"), "-", "")
    ids = np.empty(n, dtype="U18")
    todo = np.arange(n)
    while len(todo):
        seq = rng.integers(0, 500, len(todo)) * 2 + male[todo].astype(np.int64)
        seq_text = np.char.zfill(seq.astype("U3"), 3)
        body = np.char.add(np.char.add(region[todo].astype("U6"), ymd[todo]), seq_text)
        ids[todo] = np.char.add(body, check_chars(digits_of(body, 17)))
        _, first = np.unique(ids, return_index=True)
        dup = np.ones(n, dtype=bool)
        dup[first] = False
        todo = np.flatnonzero(dup)
    return ids


def make_names(n: int, rng: np.random.Generator) -> np.ndarray:
    s = np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)]
    g1 = np.array(GIVEN)[rng.integers(0, len(GIVEN), n)]
    g2 = np.array(GIVEN)[rng.integers(0, len(GIVEN), n)]
    two = rng.random(n) < 0.7
    return np.where(two, np.char.add(np.char.add(s, g1), g2), np.char.add(s, g1))


def make_phones(n: int, rng: np.random.Generator) -> np.ndarray:
    prefixes = np.array(["135", "136", "137", "138", "139", "150", "158", "159", "186", "188", "189", "133", "177"])
    mobile = np.char.add(prefixes[rng.integers(0, len(prefixes), n)],
                         np.char.zfill(rng.integers(0, 10**8, n).astype("U8"), 8))
    landline = np.char.add("0760-8", np.char.zfill(rng.integers(0, 10**7, n).astype("U7"), 7))
    return np.where(rng.random(n) < 0.85, mobile, landline)
