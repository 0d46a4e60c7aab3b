"""Header layouts as text extraction gives them, and the `suggest` draft built from them.

The texts are written for these tests, modelled on real layouts (not copied from real texts)."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import CORPUS
from vanban.citations.header import SURE, read_header
from vanban.citations.suggest import draft_yaml
from vanban.model import Corpus
from vanban.pipeline import load_valid

EMPTY = Corpus({}, {}, {})

LAYOUTS = [
    (  # two columns interleaved line by line, Party motto, capacity T/M
        "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KON TUM\nBAN DÂN VẬN\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 31-HD/BDVTU\n"
        "Kon Tum, ngày 4 tháng 7 năm 2022\nHƯỚNG DẪN\nTHỰC HIỆN CÔNG TÁC DÂN VẬN CỦA\nCHÍNH QUYỀN CÁC CẤP\n"
        "Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương.\n\nNơi nhận:\n- Như trên,\n"
        "T/M BAN DÂN VẬN\nTRƯỞNG BAN\n(Đã ký)\nPhạm Thị Hoa\n",
        {
            "symbol": "31-HD/BDVTU",
            "date": "2022-07-04",
            "place": "Kon Tum",
            "issuer_lines": ["BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KON TUM", "BAN DÂN VẬN"],
            "title": "THỰC HIỆN CÔNG TÁC DÂN VẬN CỦA CHÍNH QUYỀN CÁC CẤP",
            "capacity_lines": ["T/M BAN DÂN VẬN", "TRƯỞNG BAN"],
            "signer": "Phạm Thị Hoa",
        },
    ),
    (  # flattened onto lines with "|", no type word, "Số 07 /CT-UBND"
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số 07 /CT-UBND | Bình Định, ngày 2 tháng 3 năm 2021 |\n"
        "VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ\nĐẤT ĐAI NĂM 2021\nỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nCăn cứ Luật Đất đai năm 2013;\n"
        "| KT. CHỦ TỊCH |\n| PHÓ CHỦ TỊCH |\nLê Văn Nam\n",
        {
            "symbol": "07/CT-UBND",
            "place": "Bình Định",
            "issuer_lines": ["ỦY BAN NHÂN DÂN"],
            "title": "VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ ĐẤT ĐAI NĂM 2021",
            "capacity_lines": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            "signer": "Lê Văn Nam",
        },
    ),
    (  # header flattened onto lines with spaces, a công văn's V/v, "Số: 565/TB-UBND"
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 565/TB-UBND Ngã Bảy, ngày 15 tháng 11 năm 2024\nV/v tổ chức hội nghị\nsơ kết công tác năm 2024\n"
        "Kính gửi: các xã.\nNội dung.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Hùng\n",
        {
            "symbol": "565/TB-UBND",
            "date": "2024-11-15",
            "place": "Ngã Bảy",
            "issuer_lines": ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH"],
            "title": "V/v tổ chức hội nghị sơ kết công tác năm 2024",
            "capacity_lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            "signer": "Trần Văn Hùng",
        },
    ),
    (  # words broken onto lines of their own, date over two lines, a signing stamp above
        "Ký bởi: Văn phòng\nTỈNH ỦY YÊN BÁI\nBAN TUYÊN GIÁO\n-------\n|\nĐẢNG CỘNG SẢN VIỆT NAM\n|\nSố:\n"
        "12-KH/BTGTU\n|\nYên\nBái, ngày 9 tháng 5\nnăm 2023\n|\nKẾ HOẠCH\nTUYÊN TRUYỀN KỶ NIỆM NGÀY THÀNH LẬP\n"
        "ĐẢNG BỘ TỈNH\nThực hiện Kế hoạch số 05-KH/TU.\n",
        {
            "symbol": "12-KH/BTGTU",
            "date": "2023-05-09",
            "place": "Yên Bái",
            "issuer_lines": ["TỈNH ỦY YÊN BÁI", "BAN TUYÊN GIÁO"],
            "title": "TUYÊN TRUYỀN KỶ NIỆM NGÀY THÀNH LẬP ĐẢNG BỘ TỈNH",
        },
    ),
    (  # the hyphen of a Party symbol lost
        "HUYỆN ỦY PHONG ĐIỀN\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 45 CT/HU\nPhong Điền, ngày 1 tháng 4 năm 2020\n"
        "CHỈ THỊ\nVề phòng chống thiên tai\nCăn cứ Điều lệ Đảng.\n",
        {"symbol": "45-CT/HU", "title": "Về phòng chống thiên tai", "issuer_lines": ["HUYỆN ỦY PHONG ĐIỀN"]},
    ),
]


@pytest.mark.parametrize(("text", "want"), LAYOUTS)
def test_header_layouts(text: str, want: dict[str, object]) -> None:
    head = read_header(text, EMPTY)
    for name, value in want.items():
        got = head.date.iso() if name == "date" and head.date else getattr(head, name)
        assert got == value, name


def test_uncertain_fields_carry_a_reason() -> None:
    head = read_header(LAYOUTS[4][0], EMPTY)
    assert 0 < head.confidence["symbol"] < SURE and "gạch nối" in head.reasons["symbol"]
    head = read_header("Một đoạn văn không có đầu văn bản.\n", EMPTY)
    assert all(v == 0 for v in head.confidence.values())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_valid(CORPUS).corpus


TEXT = (
    "TỈNH ỦY HẬU GIANG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 99-CT/TU\nVị Thanh, ngày 1 tháng 9 năm 2018\nCHỈ THỊ\n"
    "Về việc học tập\nThực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương.\n"
    "Xét đề nghị của Ban Tuyên giáo tại Tờ trình số 12-TTr/BTGTU ngày 1/8/2018.\n"
    "Chỉ thị số 99-CT/TU được phổ biến đến chi bộ.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Bình\n"
)


def test_suggest_relations_carry_sentences_and_skip_own_number(corpus: Corpus) -> None:
    draft, _ = draft_yaml(TEXT, corpus)
    data = yaml.safe_load(draft)
    rels = data["relations"]
    assert [r["target"] for r in rels] == ["04-nq-tw-2016"]
    assert rels[0]["type"] == "thuc-hien" and rels[0]["unverified"] is True
    assert "Thực hiện Nghị quyết số 04-NQ/TW" in rels[0]["note"]
    assert "99-CT/TU»" not in draft.split("relations:")[1]
    assert "Tờ trình số 12-TTr/BTGTU»: không đề xuất quan hệ" in draft or "12-TTr" not in draft.split("relations:")[1]


def test_suggest_marks_uncertain_fields(corpus: Corpus) -> None:
    text = TEXT.replace("Số 99-CT/TU", "Số 99 CT/TU").replace("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n", "")
    draft, _ = draft_yaml(text, corpus)
    symbol_line = next(x for x in draft.splitlines() if x.startswith("symbol:"))
    assert "# cần xem lại:" in symbol_line
    assert "# unverified: [signer]" in draft
    assert next(x for x in draft.splitlines() if x.startswith("signer:")).endswith(
        "không thấy dòng chức vụ của người ký"
    )


def test_suggest_draft_loads_with_check_once_filled(corpus: Corpus, tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    import shutil

    draft, doc_id = draft_yaml(TEXT.replace("99-CT/TU", "98-CT/TU"), corpus)
    assert doc_id
    data = shutil.copytree(CORPUS, tmp_path / "data")
    filled = draft.replace("  - site: ", "  - site: example.org")
    (data / "documents" / f"{doc_id}.yaml").write_text(filled, encoding="utf-8")
    code, out, err = cli("check", "--data", str(data))
    assert code == 0, out + err
