#!/usr/bin/env python3
"""Generate N synthetic but realistic documents, as a data directory `check` accepts.

The shape follows the real corpus: central resolutions, conclusions and directives of the
Party, laws and decrees of the State; provincial programmes and plans that carry them out,
reports on their results, dispatches that forward the reports; symbols that restart each term
(Party) or recur each year (State administrative); some laws replaced by later ones; full
texts that cite their targets the way real texts do. Every fact is invented: the corpus is
for measuring, never for reading as policy.

    python benchmarks/generate.py --docs 10000 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from vanban.symbols import expected_id, slug

PROVINCES = [
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Hồ Chí Minh",
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"}

SUBJECTS = [
    ("công tác dân vận", "dân vận"),
    ("xây dựng, chỉnh đốn Đảng", "xây dựng Đảng"),
    ("thực hiện dân chủ ở cơ sở", "dân chủ ở cơ sở"),
    ("cải cách hành chính", "cải cách hành chính"),
    ("chuyển đổi số quốc gia", "chuyển đổi số"),
    ("phòng, chống tham nhũng, lãng phí", "phòng, chống tham nhũng"),
    ("công tác tôn giáo", "tôn giáo"),
    ("công tác thanh niên", "thanh niên"),
    ("xây dựng nông thôn mới", "nông thôn mới"),
    ("giám sát và phản biện xã hội", "giám sát và phản biện xã hội"),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "học tập và làm theo Bác"),
    ("bảo vệ môi trường", "môi trường"),
    ("phát triển văn hóa, con người Việt Nam", "văn hóa"),
    ("công tác cán bộ", "công tác cán bộ"),
    ("bảo đảm an sinh xã hội", "an sinh xã hội"),
]
VERBS = ["tăng cường", "đổi mới", "nâng cao hiệu quả", "đẩy mạnh", "tiếp tục thực hiện"]
TERMS = [(1998, "VIII"), (2001, "IX"), (2006, "X"), (2011, "XI"), (2016, "XII"), (2021, "XIII")]
QH_TERMS = [(1997, 10), (2002, 11), (2007, 12), (2011, 13), (2016, 14), (2021, 15)]

CENTRAL_ISSUERS = {
    "bch-tw": ("Ban Chấp hành Trung ương Đảng", "dang", None),
    "bo-chinh-tri": ("Bộ Chính trị", "dang", "bch-tw"),
    "ban-bi-thu": ("Ban Bí thư", "dang", "bch-tw"),
    "ban-dan-van-tw": ("Ban Dân vận Trung ương", "dang", "bch-tw"),
    "quoc-hoi": ("Quốc hội", "nha-nuoc", None),
    "ubtvqh": ("Ủy ban Thường vụ Quốc hội", "nha-nuoc", "quoc-hoi"),
    "chinh-phu": ("Chính phủ", "nha-nuoc", None),
    "thu-tuong": ("Thủ tướng Chính phủ", "nha-nuoc", "chinh-phu"),
}
# Share of central documents by (type, issuer, symbol family).
CENTRAL_KINDS = [
    ("nghi-quyet", "bch-tw", "party", "NQ", 5),
    ("ket-luan", "bo-chinh-tri", "party", "KL", 5),
    ("ket-luan", "ban-bi-thu", "party", "KL", 4),
    ("chi-thi", "ban-bi-thu", "party", "CT", 4),
    ("quyet-dinh", "bo-chinh-tri", "party", "QĐ", 3),
    ("luat", "quoc-hoi", "qh", None, 2),
    ("phap-lenh", "ubtvqh", "normative", "PL", 1),
    ("nghi-dinh", "chinh-phu", "normative", "NĐ", 3),
    ("chi-thi", "thu-tuong", "admin", "CT", 3),
    ("cong-van", "ban-dan-van-tw", "party", "CV", 2),
]


LAST_DATE = dt.date(2026, 6, 30)  # no synthetic document is dated after this


class Generator:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.docs: dict[str, dict] = {}
        self.meta: dict[str, tuple] = {}  # id -> (date, symbol, type, issuer name, term)
        self.counters = defaultdict(int)
        self.issuers = self._issuers()

    def _issuers(self) -> dict:
        issuers = {
            k: {"name": n, "level": "trung-uong", "system": s, **({"parent": p} if p else {})}
            for k, (n, s, p) in CENTRAL_ISSUERS.items()
        }
        for name in PROVINCES:
            region = slug(name)
            unit = "Thành ủy" if name in CITIES else "Tỉnh ủy"
            place = f"thành phố {name}" if name in CITIES else f"tỉnh {name}"
            issuers[f"tu-{region}"] = {"name": f"{unit} {name}", "level": "tinh", "system": "dang", "region": region}
            issuers[f"btv-{region}"] = {
                "name": f"Ban Thường vụ {unit} {name}",
                "level": "tinh",
                "system": "dang",
                "region": region,
                "parent": f"tu-{region}",
            }
            issuers[f"ubnd-{region}"] = {
                "name": f"Ủy ban nhân dân {place}",
                "level": "tinh",
                "system": "nha-nuoc",
                "region": region,
            }
        return issuers

    # -- symbols: numbers restart per term (Party) or per year (State) ---------------------
    def _number(self, scope, period) -> int:
        self.counters[(scope, period)] += 1
        return self.counters[(scope, period)]

    def _symbol(self, family, code, issuer, date: dt.date, unit="") -> str:
        if family == "party":
            term_start = max(y for y, _ in TERMS if y <= date.year)
            suffix = "TW" if issuer in CENTRAL_ISSUERS else "TU"
            if code == "CV" and issuer == "ban-dan-van-tw":
                suffix = "BDVTW"
            n = self._number((issuer if suffix == "TU" else "tw", code), term_start)
            return f"{n:02d}-{code}/{suffix}"
        if family == "admin":
            n = self._number((issuer, code), date.year)
            if code is None:  # công văn: no type code
                return f"{n}/UBND-{unit}"
            return f"{n:02d}/{code}-{'TTg' if issuer == 'thu-tuong' else 'UBND'}"
        if family == "normative":
            n = self._number(("normative", code), date.year)
            who = {"PL": f"UBTVQH{self._qh_term(date)}", "NĐ": "CP"}[code]
            return f"{n:02d}/{date.year}/{code}-{who}"
        n = self._number(("qh",), date.year)
        return f"{n:02d}/{date.year}/QH{self._qh_term(date)}"

    @staticmethod
    def _qh_term(date):
        return max(t for y, t in QH_TERMS if y <= date.year)

    # -- documents --------------------------------------------------------------------------
    def add(self, type_, issuer, date, symbol, title, topics, relations=(), aliases=(), term=None):
        if date > LAST_DATE:
            return None
        region = self.issuers[issuer].get("region")
        doc_id = expected_id(symbol, date.year, region)
        if doc_id in self.docs:
            return None
        doc = {
            "symbol": symbol,
            "type": type_,
            "issuer": issuer,
            "date": date.isoformat(),
            "title": title,
            "topics": list(topics),
            "sources": ["synthetic"],
        }
        if term:
            doc["term"] = term
        if aliases:
            doc["aliases"] = list(aliases)
        if relations:
            doc["relations"] = [dict(r) for r in relations]
        self.docs[doc_id] = doc
        name = self.issuers[issuer]["name"]
        self.meta[doc_id] = (date, symbol, type_, name, term)
        return doc_id

    def central(self, count: int) -> list[str]:
        weights = [k[-1] for k in CENTRAL_KINDS]
        ids, meetings = [], defaultdict(int)
        for _ in range(count):
            type_, issuer, family, code, _w = self.rng.choices(CENTRAL_KINDS, weights)[0]
            date = dt.date(1998, 1, 1) + dt.timedelta(
                days=self.rng.randrange(0, (LAST_DATE - dt.date(1998, 1, 1)).days)
            )
            term = next(t for y, t in reversed(TERMS) if y <= date.year)
            if family in ("qh", "normative"):
                term = {10: "X", 11: "XI", 12: "XII", 13: "XIII", 14: "XIV", 15: "XV"}[self._qh_term(date)]
            subject, topic = self.rng.choice(SUBJECTS)
            title = f"Về {self.rng.choice(VERBS)} {subject}"
            if type_ == "luat":
                title = f"Luật {subject[:1].upper()}{subject[1:]}"
            aliases = ()
            if type_ == "nghi-quyet":
                meetings[term] += 1
                aliases = (f"Nghị quyết Trung ương {meetings[term]} khóa {term}",)
            relations = self._central_relations(type_, date, ids)
            doc_id = self.add(
                type_, issuer, date, self._symbol(family, code, issuer, date), title, [topic], relations, aliases, term
            )
            if doc_id:
                ids.append(doc_id)
        return ids

    def _central_relations(self, type_, date, earlier):
        """Later laws replace earlier ones of their kind; conclusions continue resolutions."""
        rels = []
        older = [i for i in earlier if self.meta[i][0] < date]
        if type_ == "luat":
            same = [i for i in older if self.meta[i][2] in ("luat", "phap-lenh")]
            if same and self.rng.random() < 0.3:
                rels.append({"type": "thay-the", "target": self.rng.choice(same)})
        if type_ == "nghi-dinh":
            laws = [i for i in older if self.meta[i][2] == "luat"]
            if laws:
                rels.append({"type": "huong-dan", "target": self.rng.choice(laws)})
        if type_ == "ket-luan":
            nqs = [i for i in older if self.meta[i][2] == "nghi-quyet"]
            if nqs and self.rng.random() < 0.5:
                rels.append({"type": "tiep-tuc-thuc-hien", "target": self.rng.choice(nqs)})
        return rels

    def provincial(self, central_ids: list[str]) -> None:
        """Chains like the seed: programme → plan → report → dispatch forwarding the report."""
        rng = self.rng
        hubs = [
            i for i in central_ids if self.meta[i][2] in ("nghi-quyet", "ket-luan", "chi-thi", "quyet-dinh", "luat")
        ]
        while len(self.docs) < self.n:
            target = rng.choice(hubs)
            region = slug(rng.choice(PROVINCES))
            chain = self._chain(target, region)
            if not chain:
                continue

    def _chain(self, target, region):
        rng = self.rng
        t_date, t_symbol, t_type, _, _ = self.meta[target]
        subject = self.docs[target]["title"].removeprefix("Về ").removeprefix("Luật ")
        topics = self.docs[target]["topics"]
        d1 = t_date + dt.timedelta(days=rng.randint(20, 200))
        label = f"{TYPE_WORD[t_type]} số {t_symbol}"
        prog = self.add(
            "chuong-trinh",
            f"tu-{region}",
            d1,
            self._symbol("party", "CTr", f"tu-{region}", d1),
            f"Thực hiện {label} về {subject}",
            topics,
            [{"type": "thuc-hien", "target": target}],
        )
        if not prog or len(self.docs) >= self.n:
            return prog
        d2 = d1 + dt.timedelta(days=rng.randint(10, 120))
        plan = self.add(
            "ke-hoach",
            f"ubnd-{region}",
            d2,
            self._symbol("admin", "KH", f"ubnd-{region}", d2),
            f"Triển khai thực hiện {label} và Chương trình hành động của Tỉnh ủy",
            topics,
            [{"type": "thuc-hien", "target": prog}, {"type": "can-cu", "target": target}],
        )
        if not plan or len(self.docs) >= self.n:
            return plan
        d3 = d2 + dt.timedelta(days=rng.randint(180, 900))
        report = self.add(
            "bao-cao",
            f"btv-{region}",
            d3,
            self._symbol("party", "BC", f"btv-{region}", d3),
            f"Kết quả thực hiện {label} về {subject}",
            topics,
            [
                {"type": "bao-cao-ket-qua", "target": target, "place": "Mục II"},
                {"type": "bao-cao-ket-qua", "target": prog},
            ],
        )
        if not report or len(self.docs) >= self.n:
            return report
        d4 = d3 + dt.timedelta(days=rng.randint(5, 40))
        unit = rng.choice(["TH", "NC", "KGVX", "KT"])
        return self.add(
            "cong-van",
            f"ubnd-{region}",
            d4,
            self._symbol("admin", None, f"ubnd-{region}", d4, unit),
            f"V/v triển khai thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy về {subject}",
            topics,
            [{"type": "thuc-hien", "target": report}, {"type": "chuyen", "target": report}],
        )

    def text_for(self, doc_id) -> str:
        """A full text that cites every relation target in a real citation form."""
        doc = self.docs[doc_id]
        date, symbol, type_, issuer_name, _ = self.meta[doc_id]
        lines = [
            issuer_name.upper(),
            "",
            f"Số: {symbol}",
            "",
            f"ngày {date.day} tháng {date.month} năm {date.year}",
            "",
            TYPE_WORD[type_].upper(),
            doc["title"],
            "",
        ]
        for rel in doc.get("relations", []):
            t_date, t_symbol, t_type, t_issuer, t_term = self.meta[rel["target"]]
            term = f" (khóa {t_term})" if t_term else ""
            lines.append(
                f"Thực hiện {TYPE_WORD[t_type]} số {t_symbol}, ngày {t_date.day:02d}/{t_date.month}/"
                f"{t_date.year} của {t_issuer}{term} về \u201c{self.docs[rel['target']]['title']}\u201d, "
                f"{issuer_name} {self.rng.choice(PARAGRAPHS)}"
            )
            lines.append("")
        for _ in range(self.rng.randint(4, 14)):
            lines.append(self.rng.choice(PARAGRAPHS))
            lines.append("")
        lines.append("Nơi nhận:\n- Như trên;\n- Lưu VT.")
        return "\n".join(lines)


TYPE_WORD = {
    "nghi-quyet": "Nghị quyết",
    "ket-luan": "Kết luận",
    "chi-thi": "Chỉ thị",
    "quyet-dinh": "Quyết định",
    "luat": "Luật",
    "phap-lenh": "Pháp lệnh",
    "nghi-dinh": "Nghị định",
    "cong-van": "Công văn",
    "chuong-trinh": "Chương trình hành động",
    "ke-hoach": "Kế hoạch",
    "bao-cao": "Báo cáo",
}
PARAGRAPHS = [
    "Các cấp ủy, tổ chức đảng xây dựng kế hoạch triển khai kịp thời đến cán bộ, đảng viên và Nhân dân, "
    "gắn với phong trào thi đua \u201cDân vận khéo\u201d ở cơ sở.",
    "Tăng cường công tác kiểm tra, giám sát; kịp thời biểu dương những cách làm hay, đồng thời chấn chỉnh "
    "những hạn chế, thiếu sót trong quá trình tổ chức thực hiện.",
    "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phát huy vai trò giám sát, phản biện xã hội, "
    "tham gia góp ý xây dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh.",
    "Đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính liên quan trực tiếp đến người dân và "
    "doanh nghiệp; nâng cao chỉ số hài lòng của Nhân dân.",
    "Thực hiện tốt phương châm \u201cDân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\u201d "
    "trong xây dựng nông thôn mới và đô thị văn minh.",
    "Người đứng đầu cấp ủy, chính quyền các cấp định kỳ tiếp xúc, đối thoại trực tiếp với Nhân dân, "
    "giải quyết dứt điểm những kiến nghị chính đáng, không để tồn đọng kéo dài.",
]


def write_corpus(gen: Generator, out: Path, text_share: float = 0.3) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "documents").mkdir(parents=True)
    (out / "texts").mkdir()

    def dump(data: object) -> str:
        return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)

    (out / "issuers.yaml").write_text(dump(gen.issuers), encoding="utf-8")
    regions = {slug(n): (f"Thành phố {n}" if n in CITIES else f"Tỉnh {n}") for n in PROVINCES}
    (out / "regions.yaml").write_text(dump(regions), encoding="utf-8")
    (out / "sources.yaml").write_text(
        dump({"synthetic": {"title": "Dữ liệu tổng hợp để đo hiệu năng"}}), encoding="utf-8"
    )
    for doc_id, doc in gen.docs.items():
        (out / "documents" / f"{doc_id}.yaml").write_text(dump(doc), encoding="utf-8")
        if gen.rng.random() < text_share:
            (out / "texts" / f"{doc_id}.txt").write_text(gen.text_for(doc_id), encoding="utf-8")


def generate(n: int, out: Path, seed: int = 1) -> Path:
    gen = Generator(n, seed)
    central = gen.central(max(20, n // 25))
    gen.provincial(central)
    write_corpus(gen, out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.docs, args.out, args.seed)
    print(f"{args.docs} văn bản → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
