"""The relation extract reads for each citation, from sentences written for this table."""

from __future__ import annotations

import pytest

from vanban.citations import extract
from vanban.citations.relation_hint import suggest_relation

CASES = [
    # "Căn cứ …", and the list it opens, item after item until another clause starts
    ("Căn cứ Nghị định số 12/2020/NĐ-CP ngày 01/02/2020 của Chính phủ;", "12/2020/NĐ-CP", "can-cu"),
    (
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Thông tư số 05/2021/TT-BNV ngày 3/3/2021 "
        "của Bộ Nội vụ hướng dẫn thi hành;",
        "05/2021/TT-BNV",
        "can-cu",
    ),
    ("Căn cứ Luật Quy hoạch đô thị số 30/2009/QH12;", "30/2009/QH12", "can-cu"),
    (
        "Căn cứ Luật Đầu tư công số 39/2019/QH14; Luật sửa đổi một số điều của Luật Phí số 11/2022/QH15;",
        "11/2022/QH15",
        "can-cu",
    ),
    # "Thực hiện …", "Triển khai …"
    ("Thực hiện Chỉ thị số 21-CT/TW ngày 05/5/2023 của Ban Bí thư, Tỉnh ủy đề ra nhiệm vụ.", "21-CT/TW", "thuc-hien"),
    (
        "Triển khai nghiêm túc Kế hoạch số 77-KH/TU ngày 2/3/2024, các sở xây dựng chương trình.",
        "77-KH/TU",
        "thuc-hien",
    ),
    # "tiếp tục thực hiện", "tiếp tục triển khai"
    ("Tiếp tục thực hiện Nghị quyết số 44-NQ/TU ngày 9/9/2021 của Tỉnh ủy.", "44-NQ/TU", "tiep-tuc-thuc-hien"),
    ("Các huyện tiếp tục triển khai Quyết định số 515/QĐ-UBND ngày 7/4/2022.", "515/QĐ-UBND", "tiep-tuc-thuc-hien"),
    # "thay thế", "bãi bỏ", before the citation or after it
    ("Quyết định này thay thế Quyết định số 88/2016/QĐ-UBND ngày 4/4/2016.", "88/2016/QĐ-UBND", "thay-the"),
    (
        "Quyết định này có hiệu lực từ ngày ký và bãi bỏ Quyết định số 19/2017/QĐ-UBND ngày 1/6/2017.",
        "19/2017/QĐ-UBND",
        "thay-the",
    ),
    (
        "Quyết định số 61/2015/QĐ-UBND ngày 2/12/2015 của Ủy ban nhân dân tỉnh hết hiệu lực.",
        "61/2015/QĐ-UBND",
        "thay-the",
    ),
    # none: inside another citation's title, in passing, "theo quy định tại", a proposal's Tờ trình
    (
        "Căn cứ Nghị định số 31/2022/NĐ-CP ngày 5/5/2022 sửa đổi, bổ sung một số điều của Nghị định số "
        "14/2019/NĐ-CP ngày 1/2/2019;",
        "14/2019/NĐ-CP",
        None,
    ),
    (
        "Căn cứ Kế hoạch số 90-KH/TU ngày 3/3/2023 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 33-CT/TW "
        "ngày 1/1/2023;",
        "33-CT/TW",
        None,
    ),
    ("Hồ sơ được lập theo quy định tại Thông tư số 09/2019/TT-BTC ngày 2/2/2019.", "09/2019/TT-BTC", None),
    ("Các nội dung khác thực hiện theo Nghị định số 70/2018/NĐ-CP ngày 15/5/2018.", "70/2018/NĐ-CP", None),
    ("Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 321/TTr-STC ngày 9/9/2024.", "321/TTr-STC", None),
    (
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016. Các chi bộ sinh hoạt chuyên đề, bám sát Chỉ thị số 05-CT/TW.",
        "05-CT/TW#2",
        None,
    ),
    ('Sở ban hành tài liệu "Hỏi đáp về Nghị quyết số 12-NQ/TW" để tuyên truyền.', "12-NQ/TW", None),
    # an amending law shares the basis of the law it amends; "; số …" continues a list
    (
        "Căn cứ Luật Bầu cử số 85/2015/QH13 ngày 25/6/2015 và được sửa đổi, bổ sung một số điều tại Luật số "
        "83/2025/QH15 ngày 24/6/2025;",
        "83/2025/QH15",
        "can-cu",
    ),
    (
        "Căn cứ các Nghị định của Chính phủ: Số 78/2025/NĐ-CP ngày 1/4/2025 quy định chi tiết; số 187/2025/NĐ-CP "
        "ngày 1/7/2025 sửa đổi;",
        "187/2025/NĐ-CP",
        "can-cu",
    ),
    # a direction carried out: "Thực hiện ý kiến chỉ đạo của … tại Công văn số …"
    (
        "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại Công văn số 656/VPCP-TCCV ngày 13/3/2020;",
        "656/VPCP-TCCV",
        "thuc-hien",
    ),
    # the list goes on past the previous one's quoted title (Thông tư 15-BTC/TT, 1991)
    (
        'Thi hành Nghị định số 196-HĐBT ngày 11-12-1989 của Hội đồng Bộ trưởng "quy định nhiệm vụ, quyền hạn '
        'và trách nhiệm quản lý Nhà nước của các Bộ", Nghị định số 155-HĐBT ngày 15-10-1988 của Hội đồng Bộ trưởng.',
        "155-HĐBT",
        "thuc-hien",
    ),
    # "do … ban hành ngày …" between two items of a basis (Thông tư 15-BTC/TT, 1991)
    (
        "Căn cứ Pháp lệnh kế toán - thống kê do Hội đồng Nhà nước ban hành ngày 20-5-1988 và Nghị định số "
        "25-HĐBT ngày 18-3-1989 của Hội đồng Bộ trưởng.",
        "25-HĐBT",
        "can-cu",
    ),
    # "… về triển khai thực hiện Chỉ thị …" inside another plan's title
    (
        "Căn cứ Kế hoạch số 21-KH/ĐU, ngày 29/7/2025 của Ban Thường vụ Đảng ủy xã về triển khai thực hiện "
        "Chỉ thị số 46-CT/TW, ngày 16/5/2025 của Bộ Chính trị;",
        "46-CT/TW",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "symbol", "expected"), CASES)
def test_relation(sentence: str, symbol: str, expected: str | None) -> None:
    symbol, _, nth = symbol.partition("#")
    found = [c for c in extract(sentence) if c.text.endswith(symbol)]
    assert found, extract(sentence)
    c = found[int(nth or 1) - 1]
    assert c.relation == expected


@pytest.mark.parametrize(("sentence", "symbol", "expected"), CASES)
def test_hint_agrees_with_extract(sentence: str, symbol: str, expected: str | None) -> None:
    """`check` and `suggest` propose what extract read: a governing relation only where it read one."""
    symbol = symbol.partition("#")[0]
    for c in extract(sentence):
        hint = suggest_relation(sentence, c)
        if c.relation is None:
            assert hint not in {"can-cu", "thuc-hien", "tra-loi", "tiep-tuc-thuc-hien", "thay-the", "bai-bo"}
        elif c.relation == "thay-the":
            assert hint in {"thay-the", "bai-bo"}
        elif c.relation == "thuc-hien":
            assert hint in {"thuc-hien", "tra-loi", "bao-cao-ket-qua"}
        else:
            assert hint == c.relation
