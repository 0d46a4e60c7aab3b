"""A tiny valid corpus written in code: two documents (a central resolution and the provincial
directive that carries it out) and one full text. For tests of mechanics that need a real corpus
but not the test corpus's content: every problem code, the build's locking and file modes."""

from __future__ import annotations

from pathlib import Path

ISSUERS = """\
bct:
  name: Ban Chấp hành Trung ương Đảng
  level: trung-uong
  system: dang
tu-hau-giang:
  name: Tỉnh ủy Hậu Giang
  level: tinh
  system: dang
  region: hau-giang
"""
NQ = """\
symbol: 04-NQ/TW
type: nghi-quyet
issuer: bct
date: 2016-10-30
term: XII
title: Về tăng cường xây dựng, chỉnh đốn Đảng
sources: [mau]
"""
CT = """\
symbol: 79-CT/TU
type: chi-thi
issuer: tu-hau-giang
date: 2017-02-07
relations:
  - type: thuc-hien
    target: 04-nq-tw-2016
sources: [mau]
"""
TEXT = "Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng khóa XII.\n"


def write_corpus(root: Path) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "texts").mkdir()
    (root / "issuers.yaml").write_text(ISSUERS, encoding="utf-8")
    (root / "regions.yaml").write_text("hau-giang: Tỉnh Hậu Giang\n", encoding="utf-8")
    (root / "sources.yaml").write_text("mau:\n  title: Dữ liệu mẫu của bài kiểm thử\n", encoding="utf-8")
    (root / "documents" / "04-nq-tw-2016.yaml").write_text(NQ, encoding="utf-8")
    (root / "documents" / "79-ct-tu-hau-giang-2017.yaml").write_text(CT, encoding="utf-8")
    (root / "texts" / "79-ct-tu-hau-giang-2017.txt").write_text(TEXT, encoding="utf-8")
    return root
