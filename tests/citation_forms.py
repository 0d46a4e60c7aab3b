"""Citation forms met in real Vietnamese texts, with the parse each must give.

Each row: (phenomenon, text, citing date or None, expected citations). An expected citation is
(text span, type, number, symbol, date, resolved id[, candidates]). Resolution is against the
fixed test corpus in tests/corpus/ (never the live data/). Rows with no expected citation are texts that must yield none.
Used by tests/test_citation_forms.py and benchmarks/citation_quality.py (precision and recall).
"""

from __future__ import annotations

import unicodedata

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

AMBIG_25 = ["25-nq-tw-2003", "25-nq-tw-2008", "25-nq-tw-2013"]
AMBIG_16 = ["16-ct-ttg-2016", "16-ct-ttg-2020"]

FORMS = [
    # -- full forms ---------------------------------------------------------------------------
    (
        "full form",
        "Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về “Tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới”",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (  # Thông tư 04/2000/TT-BTC
        "decree numbered with its year, type code lost",
        "Căn cứ Nghị định số 51/1998/CP ngày 16/7/1998 của Chính phủ",
        None,
        [("Nghị định số 51/1998/CP", "NĐ", "51", "51/1998/NĐ-CP", "1998-07-16", None)],
    ),
    (
        "full form, meeting named",
        "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Hội nghị lần thứ 7 Ban Chấp hành Trung ương Đảng (khóa XI)",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "full form, directive",
        "Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về “Tăng cường và đổi mới công tác dân vận”",
        None,
        [("Chỉ thị số 16/CT-TTg", "CT", "16", "16/CT-TTg", "2016-05-16", "16-ct-ttg-2016")],
    ),
    (
        "full form, 2020 directive",
        "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19",
        None,
        [("Chỉ thị số 16/CT-TTg", "CT", "16", "16/CT-TTg", "2020-03-31", "16-ct-ttg-2020")],
    ),
    (
        "full form, conclusion",
        "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về “Nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp”",
        None,
        [("Kết luận số 114-KL/TW", "KL", "114", "114-KL/TW", "2015-07-14", "114-kl-tw-2015")],
    ),
    (
        "full form, decision",
        "Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị về việc ban hành Quy chế công tác dân vận",
        None,
        [("Quyết định số 290-QĐ/TW", "QĐ", "290", "290-QĐ/TW", "2010-02-25", "290-qd-tw-2010")],
    ),
    (
        "full form, ordinance",
        "Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20/4/2007 của Ủy ban Thường vụ Quốc hội",
        None,
        [("Pháp lệnh số 34/2007/PL-UBTVQH11", "PL", "34", "34/2007/PL-UBTVQH11", "2007-04-20", "34-2007-pl-ubtvqh11")],
    ),
    (
        "full form, law",
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022",
        None,
        [
            ("Luật Thực hiện dân chủ ở cơ sở", "Luật", None, None, None, "10-2022-qh15"),
            ("10/2022/QH15", "Luật", "10", "10/2022/QH15", "2022-11-10", "10-2022-qh15"),
        ],
    ),
    (
        "full form, decree",
        "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        None,
        [
            ("Nghị định số 59/2023/NĐ-CP", "NĐ", "59", "59/2023/NĐ-CP", "2023-08-14", "59-2023-nd-cp"),
            ("Luật Thực hiện dân chủ ở cơ sở", "Luật", None, None, None, "10-2022-qh15"),
        ],
    ),
    (
        "full form, Party dispatch",
        "Thực hiện Công văn số 02-CV/BDVTW, ngày 05/5/2017 của Ban Dân vận Trung ương về việc báo cáo",
        None,
        [("Công văn số 02-CV/BDVTW", "CV", "02", "02-CV/BDVTW", "2017-05-05", "02-cv-bdvtw-2017")],
    ),
    (
        "full form, State dispatch",
        "Công văn số 1185/UBND-TH ngày 13/7/2017 của UBND tỉnh Hậu Giang",
        None,
        [("Công văn số 1185/UBND-TH", "CV", "1185", "1185/UBND-TH", "2017-07-13", "1185-ubnd-th-hau-giang-2017")],
    ),
    (
        "full form, report",
        "Báo cáo số 160-BC/TU ngày 22 tháng 6 năm 2017 của Ban Thường vụ Tỉnh ủy",
        None,
        [("Báo cáo số 160-BC/TU", "BC", "160", "160-BC/TU", "2017-06-22", "160-bc-tu-hau-giang-2017")],
    ),
    (
        "full form, Quy định",
        "Quy định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
        None,
        [("Quy định số 218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", "2013-12-12", "218-qd-tw-2013")],
    ),
    (
        "full form, plan",
        "Kế hoạch số 411/KH-UBND ngày 21/9/2015 của UBND tỉnh Đắk Nông",
        None,
        [("Kế hoạch số 411/KH-UBND", "KH", "411", "411/KH-UBND", "2015-09-21", "411-kh-ubnd-dak-nong-2015")],
    ),
    (
        "full form, resolution of a Standing Committee",
        "Nghị quyết số 55/1998/NQ-UBTVQH10 ngày 30/8/1998",
        None,
        [("Nghị quyết số 55/1998/NQ-UBTVQH10", "NQ", "55", "55/1998/NQ-UBTVQH10", "1998-08-30", "55-1998-nq-ubtvqh10")],
    ),
    (
        "full form, directive of the Politburo",
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập",
        None,
        [("Chỉ thị số 05-CT/TW", "CT", "05", "05-CT/TW", "2016-05-15", "05-ct-tw-2016")],
    ),
    (
        "full form, XIII conclusion",
        "Kết luận số 21-KL/TW ngày 25/10/2021 Hội nghị lần thứ tư Ban Chấp hành Trung ương khóa XIII",
        None,
        [("Kết luận số 21-KL/TW", "KL", "21", "21-KL/TW", "2021-10-25", "21-kl-tw-2021")],
    ),
    (
        "full form, XII conclusion",
        "Kết luận số 43-KL/TW ngày 07/01/2019 của Ban Bí thư",
        None,
        [("Kết luận số 43-KL/TW", "KL", "43", "43-KL/TW", "2019-01-07", "43-kl-tw-2019")],
    ),
    (
        "full form, not in the knowledge base",
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
        None,
        [("Nghị quyết số 18-NQ/TW", "NQ", "18", "18-NQ/TW", "2017-10-25", None)],
    ),
    (
        "programme named by the source",
        "Tỉnh ủy ban hành Chương trình hành động số 79-CT/TU ngày 07/02/2017 thực hiện Nghị quyết số 04-NQ/TW",
        "2017-06-22",
        [
            ("Chương trình hành động số 79-CT/TU", "CT", "79", "79-CT/TU", "2017-02-07", "79-ct-tu-hau-giang-2017"),
            ("Nghị quyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016"),
        ],
    ),
    (
        "local symbol without a region or date",
        "Chương trình hành động số 79-CT/TU",
        None,
        [("Chương trình hành động số 79-CT/TU", "CT", "79", "79-CT/TU", None, None, ["79-ct-tu-hau-giang-2017"])],
    ),
    (
        "local dispatch without a region or date",
        "Công văn số 1185/UBND-TH",
        None,
        [("Công văn số 1185/UBND-TH", "CV", "1185", "1185/UBND-TH", None, None, ["1185-ubnd-th-hau-giang-2017"])],
    ),
    # -- dates in every form -----------------------------------------------------------------
    (
        "date d/m/yyyy",
        "Nghị quyết số 04-NQ/TW ngày 30/10/2016",
        None,
        [("Nghị quyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", "2016-10-30", "04-nq-tw-2016")],
    ),
    (
        "date with leading zeros",
        "Quyết định số 217-QĐ/TW ngày 12/12/2013",
        None,
        [("Quyết định số 217-QĐ/TW", "QĐ", "217", "217-QĐ/TW", "2013-12-12", "217-qd-tw-2013")],
    ),
    (
        "date without leading zero",
        "Nghị quyết số 25-NQ/TW ngày 3/6/2013",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "date with hyphens",
        "Nghị quyết số 25-NQ/TW ngày 03-6-2013",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "date with hyphens, no zero",
        "Nghị quyết số 25-NQ/TW ngày 3-6-2013",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "date with dots",
        "Nghị quyết số 25-NQ/TW ngày 03.6.2013",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "date in words",
        "Pháp lệnh số 34/2007/PL-UBTVQH11 ngày 20 tháng 4 năm 2007",
        None,
        [("Pháp lệnh số 34/2007/PL-UBTVQH11", "PL", "34", "34/2007/PL-UBTVQH11", "2007-04-20", "34-2007-pl-ubtvqh11")],
    ),
    (
        "comma before the date",
        "Công văn số 02-CV/BDVTW, ngày 05/5/2017 của Ban Dân vận Trung ương",
        None,
        [("Công văn số 02-CV/BDVTW", "CV", "02", "02-CV/BDVTW", "2017-05-05", "02-cv-bdvtw-2017")],
    ),
    (
        "comma after the date",
        "Kết luận số 114-KL/TW ngày 14/7/2015, của Ban Bí thư",
        None,
        [("Kết luận số 114-KL/TW", "KL", "114", "114-KL/TW", "2015-07-14", "114-kl-tw-2015")],
    ),
    (
        "date in brackets",
        "Kết luận số 114-KL/TW (14/7/2015) của Ban Bí thư",
        None,
        [("Kết luận số 114-KL/TW", "KL", "114", "114-KL/TW", "2015-07-14", "114-kl-tw-2015")],
    ),
    (
        "date without 'ngày' after a comma",
        "Chỉ thị số 16/CT-TTg, 31/3/2020",
        None,
        [("Chỉ thị số 16/CT-TTg", "CT", "16", "16/CT-TTg", "2020-03-31", "16-ct-ttg-2020")],
    ),
    (
        "impossible date is no date",
        "Nghị quyết số 04-NQ/TW ngày 31/02/2016",
        "2017-01-01",
        [("Nghị quyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "date that is not the document's",
        "(Đính kèm Báo cáo số 160-BC/TU ngày 22/6/2016)",
        "2017-07-13",
        [("Báo cáo số 160-BC/TU", "BC", "160", "160-BC/TU", "2016-06-22", None, ["160-bc-tu-hau-giang-2017"])],
    ),
    (
        "a date picks the year of a recurring symbol",
        "Chỉ thị 16/CT-TTg ngày 16-5-2016",
        None,
        [("Chỉ thị 16/CT-TTg", "CT", "16", "16/CT-TTg", "2016-05-16", "16-ct-ttg-2016")],
    ),
    (
        "date in words, 2020",
        "Chỉ thị số 16/CT-TTg ngày 31 tháng 3 năm 2020 của Thủ tướng",
        None,
        [("Chỉ thị số 16/CT-TTg", "CT", "16", "16/CT-TTg", "2020-03-31", "16-ct-ttg-2020")],
    ),
    # -- type and number only ------------------------------------------------------------------
    (
        "type and number",
        "thực hiện tốt Kết luận số 114 của Ban Bí thư",
        "2017-06-22",
        [("Kết luận số 114", "KL", "114", None, None, "114-kl-tw-2015")],
    ),
    (
        "type and number, ambiguous by years",
        "Chỉ thị số 16 của Thủ tướng",
        "2021-01-01",
        [("Chỉ thị số 16", "CT", "16", None, None, None, AMBIG_16)],
    ),
    (
        "type and number, citing date bounds it",
        "Chỉ thị số 16 của Thủ tướng",
        "2017-06-22",
        [("Chỉ thị số 16", "CT", "16", None, None, "16-ct-ttg-2016")],
    ),
    (
        "ordinance by number",
        "đề nghị sửa đổi Pháp lệnh 34",
        "2017-06-22",
        [("Pháp lệnh 34", "PL", None, None, None, "34-2007-pl-ubtvqh11")],
    ),
    (
        "abbreviation NQ",
        "quán triệt NQ 25 về công tác dân vận",
        "2020-01-01",
        [("NQ 25", "NQ", "25", None, None, None, AMBIG_25)],
    ),
    (
        "abbreviation QĐ",
        "theo QĐ 290 của Bộ Chính trị",
        "2017-01-01",
        [("QĐ 290", "QĐ", "290", None, None, "290-qd-tw-2010")],
    ),
    ("abbreviation KL", "triển khai KL 114", "2017-01-01", [("KL 114", "KL", "114", None, None, "114-kl-tw-2015")]),
    (
        "number with 'số' and colon",
        "Quyết định số: 290-QĐ/TW",
        None,
        [("Quyết định số: 290-QĐ/TW", "QĐ", "290", "290-QĐ/TW", None, "290-qd-tw-2010")],
    ),
    (
        "type word then bare number then year",
        "Nghị quyết số 25 năm 2013",
        None,
        [("Nghị quyết số 25", "NQ", "25", None, None, "25-nq-tw-2013")],
    ),
    (
        "number only, nothing in the knowledge base",
        "Quyết định số 999 của Bộ Chính trị",
        "2017-01-01",
        [("Quyết định số 999", "QĐ", "999", None, None, None)],
    ),
    (
        "Thông tư by number",
        "Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ",
        None,
        [("Thông tư số 01/2011/TT-BNV", "TT", "01", "01/2011/TT-BNV", "2011-01-19", None)],
    ),
    (
        "Thông tư liên tịch",
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
        None,
        [("Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP", "TTLT", "55", "55/2005/TTLT-BNV-VPCP", None, None)],
    ),
    # -- symbol without the type word, type word twice ----------------------------------------
    (
        "bare normative symbol",
        "theo quy định tại 48/2008/NĐ-CP",
        None,
        [("48/2008/NĐ-CP", "NĐ", "48", "48/2008/NĐ-CP", None, None)],
    ),
    (
        "bare Party symbol",
        "như 04-NQ/TW đã nêu",
        "2017-01-01",
        [("04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "bare State symbol",
        "thực hiện 16/CT-TTg trong năm 2016",
        "2016-12-01",
        [("16/CT-TTg", "CT", "16", "16/CT-TTg", None, "16-ct-ttg-2016")],
    ),
    (
        "bare law symbol",
        "Luật 10/2022/QH15 có hiệu lực từ 01/7/2023",
        None,
        [("Luật 10/2022/QH15", "Luật", "10", "10/2022/QH15", None, "10-2022-qh15")],
    ),
    (
        "type word twice",
        "thực hiện NQ 04-NQ/TW của Trung ương",
        None,
        [("NQ 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "bare symbol, three candidates",
        "theo 25-NQ/TW",
        "2020-01-01",
        [("25-NQ/TW", "NQ", "25", "25-NQ/TW", None, None, AMBIG_25)],
    ),
    (
        "bare symbol, term nearby",
        "Nghị quyết số 25-NQ/TW (khóa X) về công tác thanh niên",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", None, "25-nq-tw-2008")],
    ),
    (
        "year written after the symbol",
        "Nghị quyết 25-NQ/TW năm 2003 về công tác tôn giáo",
        None,
        [("Nghị quyết 25-NQ/TW", "NQ", "25", "25-NQ/TW", None, "25-nq-tw-2003")],
    ),
    (
        "citing date excludes later documents",
        "Nghị quyết số 25-NQ/TW",
        "2009-01-01",
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", None, None, ["25-nq-tw-2003", "25-nq-tw-2008"])],
    ),
    (
        "citing date leaves one",
        "Nghị quyết số 25-NQ/TW",
        "2005-01-01",
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", None, "25-nq-tw-2003")],
    ),
    (
        "issuer named",
        "Chỉ thị số 05-CT/TW của Bộ Chính trị",
        None,
        [("Chỉ thị số 05-CT/TW", "CT", "05", "05-CT/TW", None, "05-ct-tw-2016")],
    ),
    # -- names instead of numbers --------------------------------------------------------------
    (
        "central resolution by meeting",
        "như Nghị quyết Trung ương 4 (khóa XII) đã nhận định",
        None,
        [("Nghị quyết Trung ương 4 (khóa XII)", "NQ", None, None, None, "04-nq-tw-2016")],
    ),
    (
        "T.Ư abbreviation",
        "Nghị quyết T.Ư 7 khóa XI về công tác dân vận",
        None,
        [("Nghị quyết T.Ư 7 khóa XI", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "Hội nghị Trung ương, khoá",
        "Nghị quyết Hội nghị Trung ương 7 khoá XI",
        None,
        [("Nghị quyết Hội nghị Trung ương 7 khoá XI", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "TW abbreviation",
        "chưa được đẩy lùi như Nghị quyết TW 4 (khóa XII) nhận định",
        None,
        [("Nghị quyết TW 4 (khóa XII)", "NQ", None, None, None, "04-nq-tw-2016")],
    ),
    (
        "TƯ abbreviation",
        "Nghị quyết TƯ 7 khóa XI",
        None,
        [("Nghị quyết TƯ 7 khóa XI", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "lần thứ, the committee after the meeting",
        "Nghị quyết Hội nghị lần thứ 7 Ban Chấp hành Trung ương khóa XI",
        None,
        [("Nghị quyết Hội nghị lần thứ 7 Ban Chấp hành Trung ương khóa XI", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "meeting as an ordinal word",
        "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XI",
        None,
        [
            (
                "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XI",
                "NQ",
                None,
                None,
                None,
                "25-nq-tw-2013",
            )
        ],
    ),
    (
        "a provincial committee's meeting is no central name",
        "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh",
        None,
        [],
    ),
    (
        "meeting name without a term",
        "Nghị quyết Trung ương 7",
        "2020-01-01",
        [("Nghị quyết Trung ương 7", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "meeting not in the knowledge base",
        "Nghị quyết Trung ương 5 khóa XII",
        None,
        [("Nghị quyết Trung ương 5 khóa XII", "NQ", None, None, None, None)],
    ),
    (
        "law by name and year",
        "Luật Thực hiện dân chủ ở cơ sở năm 2022",
        None,
        [("Luật Thực hiện dân chủ ở cơ sở năm 2022", "Luật", None, None, None, "10-2022-qh15")],
    ),
    (
        "law by name",
        "theo Luật Thực hiện dân chủ ở cơ sở, Nhân dân",
        None,
        [("Luật Thực hiện dân chủ ở cơ sở", "Luật", None, None, None, "10-2022-qh15")],
    ),
    (
        "ordinance by name",
        "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn",
        None,
        [("Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", "PL", None, None, None, "34-2007-pl-ubtvqh11")],
    ),
    (
        "movement named by a directive's title",
        "phong trào “Dân vận khéo” gắn với “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
        None,
        [
            (
                "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                None,
                None,
                None,
                None,
                "05-ct-tw-2016",
            )
        ],
    ),
    (
        "conclusion by meeting alias",
        "Kết luận Hội nghị Trung ương 4 khóa XIII",
        None,
        [("Kết luận Hội nghị Trung ương 4 khóa XIII", "KL", None, None, None, "21-kl-tw-2021")],
    ),
    # -- lists sharing parts -------------------------------------------------------------------
    (
        "two numbers sharing a suffix",
        "thực hiện Quyết định số 217 và 218-QĐ/TW của Bộ Chính trị (khóa XI)",
        None,
        [
            ("Quyết định số 217", "QĐ", "217", "217-QĐ/TW", None, "217-qd-tw-2013"),
            ("218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", None, "218-qd-tw-2013"),
        ],
    ),
    (
        "comma list sharing a suffix",
        "các Nghị quyết 22, 23-NQ/TW của Bộ Chính trị",
        None,
        [("Nghị quyết 22", "NQ", "22", "22-NQ/TW", None, None), ("23-NQ/TW", "NQ", "23", "23-NQ/TW", None, None)],
    ),
    (
        "numbers only, issuer after",
        "các Chỉ thị số 11, 12, 14 của Thủ tướng",
        "2021-01-01",
        [
            ("Chỉ thị số 11", "CT", "11", None, None, None),
            ("12", "CT", "12", None, None, None),
            ("14", "CT", "14", None, None, None),
        ],
    ),
    (
        "list sharing a date",
        "Quyết định số 217 và 218-QĐ/TW ngày 12/12/2013",
        None,
        [
            ("Quyết định số 217", "QĐ", "217", "217-QĐ/TW", "2013-12-12", "217-qd-tw-2013"),
            ("218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", "2013-12-12", "218-qd-tw-2013"),
        ],
    ),
    (
        "two full citations sharing one date",
        "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
        None,
        [
            ("Quyết định số 217-QĐ/TW", "QĐ", "217", "217-QĐ/TW", "2013-12-12", "217-qd-tw-2013"),
            ("Quyết định số 218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", "2013-12-12", "218-qd-tw-2013"),
        ],
    ),
    (
        "list of full symbols",
        "các Quyết định số 217-QĐ/TW, 218-QĐ/TW",
        None,
        [
            ("Quyết định số 217-QĐ/TW", "QĐ", "217", "217-QĐ/TW", None, "217-qd-tw-2013"),
            ("218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", None, "218-qd-tw-2013"),
        ],
    ),
    (
        "list with 'và' and 'số' repeated",
        "Quyết định số 217 và số 218-QĐ/TW",
        None,
        [
            ("Quyết định số 217", "QĐ", "217", "217-QĐ/TW", None, "217-qd-tw-2013"),
            ("218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", None, "218-qd-tw-2013"),
        ],
    ),
    (
        "list of three with a suffix",
        "các Kết luận số 114, 115 và 116-KL/TW",
        None,
        [
            ("Kết luận số 114", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015"),
            ("115", "KL", "115", "115-KL/TW", None, None),
            ("116-KL/TW", "KL", "116", "116-KL/TW", None, None),
        ],
    ),
    (
        "symbols of different types in one sentence",
        "Nghị quyết số 04-NQ/TW, Kết luận số 21-KL/TW",
        None,
        [
            ("Nghị quyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016"),
            ("Kết luận số 21-KL/TW", "KL", "21", "21-KL/TW", None, "21-kl-tw-2021"),
        ],
    ),
    (
        "three directives of a year",
        "các Chỉ thị số 15, 16, 19 năm 2020",
        None,
        [
            ("Chỉ thị số 15", "CT", "15", None, None, None),
            ("16", "CT", "16", None, None, "16-ct-ttg-2020"),
            ("19", "CT", "19", None, None, None),
        ],
    ),
    # -- variants ------------------------------------------------------------------------------
    (
        "TƯ for TW",
        "Nghị quyết số 04-NQ/TƯ ngày 30/10/2016",
        None,
        [("Nghị quyết số 04-NQ/TƯ", "NQ", "04", "04-NQ/TW", "2016-10-30", "04-nq-tw-2016")],
    ),
    (
        "T.Ư for TW",
        "Kết luận số 114-KL/T.Ư",
        None,
        [("Kết luận số 114-KL/T.Ư", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015")],
    ),
    (
        "lower case",
        "nghị quyết số 04-nq/tw ngày 30/10/2016",
        None,
        [("nghị quyết số 04-nq/tw", "NQ", "04", "04-NQ/TW", "2016-10-30", "04-nq-tw-2016")],
    ),
    (
        "ALL CAPS",
        "THỰC HIỆN NGHỊ QUYẾT SỐ 25-NQ/TW NGÀY 03/6/2013",
        None,
        [("NGHỊ QUYẾT SỐ 25-NQ/TW", "NQ", "25", "25-NQ/TW", "2013-06-03", "25-nq-tw-2013")],
    ),
    (
        "Party symbol written State-style",
        "Quy định số 218/QĐ-TW của Bộ Chính trị",
        None,
        [("Quy định số 218/QĐ-TW", "QĐ", "218", "218-QĐ/TW", None, "218-qd-tw-2013")],
    ),
    (
        "QĐi for Quy định",
        "Quy định số 218-QĐi/TW",
        None,
        [("Quy định số 218-QĐi/TW", "QĐi", "218", "218-QĐi/TW", None, None)],
    ),
    (
        "ASCII transliteration",
        "Quyet dinh so 290-QD/TW ngay 25/02/2010",
        None,
        [("Quyet dinh so 290-QD/TW", "QĐ", "290", "290-QĐ/TW", "2010-02-25", "290-qd-tw-2010")],
    ),
    (
        "ASCII decree",
        "Nghi dinh 59/2023/ND-CP",
        None,
        [("Nghi dinh 59/2023/ND-CP", "NĐ", "59", "59/2023/NĐ-CP", None, "59-2023-nd-cp")],
    ),
    (
        "decomposed Unicode (NFD)",
        NFD("Thực hiện Nghị quyết số 04-NQ/TW ngày 30/10/2016"),
        None,
        [(NFD("Nghị quyết số 04-NQ/TW"), "NQ", "04", "04-NQ/TW", "2016-10-30", "04-nq-tw-2016")],
    ),
    (
        "NFD name",
        NFD("Nghị quyết Trung ương 4 khóa XII"),
        None,
        [(NFD("Nghị quyết Trung ương 4 khóa XII"), "NQ", None, None, None, "04-nq-tw-2016")],
    ),
    (
        "khoá spelling in a term",
        "Nghị quyết số 25-NQ/TW (khoá XI)",
        None,
        [("Nghị quyết số 25-NQ/TW", "NQ", "25", "25-NQ/TW", None, "25-nq-tw-2013")],
    ),
    (
        "typographic dash in the symbol",
        "Kết luận số 114–KL/TW",
        None,
        [("Kết luận số 114–KL/TW", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015")],
    ),
    (
        "Chỉ thị of the Prime Minister, TTG in caps",
        "CHỈ THỊ SỐ 16/CT-TTG NGÀY 16/5/2016",
        None,
        [("CHỈ THỊ SỐ 16/CT-TTG", "CT", "16", "16/CT-TTg", "2016-05-16", "16-ct-ttg-2016")],
    ),
    # -- noise ---------------------------------------------------------------------------------
    (
        "spaces inside the symbol",
        "Quyết định 218 QĐ/ TW",
        None,
        [("Quyết định 218 QĐ/ TW", "QĐ", "218", "218-QĐ/TW", None, "218-qd-tw-2013")],
    ),
    (
        "spaces around the hyphen",
        "Kết luận số 114 - KL/TW",
        None,
        [("Kết luận số 114 - KL/TW", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015")],
    ),
    (
        "space before the slash",
        "Công văn số 1185 /UBND-TH ngày 13/7/2017",
        None,
        [("Công văn số 1185 /UBND-TH", "CV", "1185", "1185/UBND-TH", "2017-07-13", "1185-ubnd-th-hau-giang-2017")],
    ),
    (
        "hyphen lost in PDF",
        "Nghị định số 59/2023/NĐCP",
        None,
        [("Nghị định số 59/2023/NĐCP", "NĐ", "59", "59/2023/NĐ-CP", None, "59-2023-nd-cp")],
    ),
    (
        "no space after 'số'",
        "Kết luận số114-KL/TW",
        None,
        [("Kết luận số114-KL/TW", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015")],
    ),
    (
        "line break inside the citation",
        "Nghị quyết số 04-NQ/\nTW ngày 30/10/2016",
        None,
        [("Nghị quyết số 04-NQ/\nTW", "NQ", "04", "04-NQ/TW", "2016-10-30", "04-nq-tw-2016")],
    ),
    (
        "line break inside the type word",
        "Nghị\nquyết số 04-NQ/TW",
        None,
        [("Nghị\nquyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "line break before the date",
        "Báo cáo số 160-BC/TU\nngày 22/6/2017",
        None,
        [("Báo cáo số 160-BC/TU", "BC", "160", "160-BC/TU", "2017-06-22", "160-bc-tu-hau-giang-2017")],
    ),
    (
        "letter after the number",
        "Công văn số 30c/UBND-VP",
        None,
        [("Công văn số 30c/UBND-VP", "CV", "30c", "30c/UBND-VP", None, None)],
    ),
    (
        "& inside a unit code",
        "Công văn số 125/UBND-KT&HT",
        None,
        [("Công văn số 125/UBND-KT&HT", "CV", "125", "125/UBND-KT&HT", None, None)],
    ),
    (
        "digit inside a unit code",
        "Công văn số 77/SNV-TCBM2",
        None,
        [("Công văn số 77/SNV-TCBM2", "CV", "77", "77/SNV-TCBM2", None, None)],
    ),
    (
        "double spaces",
        "Nghị  quyết  số  04-NQ/TW",
        None,
        [("Nghị  quyết  số  04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "no-break space",
        "Nghị quyết\u00a0số\u00a004-NQ/TW",
        None,
        [("Nghị quyết\u00a0số\u00a004-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "soft hyphen inside the type word",
        "Nghị quy\u00adết số 04-NQ/TW",
        None,
        [("Nghị quy\u00adết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016")],
    ),
    (
        "State-style Party symbol with spaces",
        "Quyết định số 217 / QĐ - TW",
        None,
        [("Quyết định số 217 / QĐ - TW", "QĐ", "217", "217-QĐ/TW", None, "217-qd-tw-2013")],
    ),
    # -- pointers into a document ----------------------------------------------------------------
    (
        "article of a resolution",
        "theo Điều 4 Nghị quyết số 55/1998/NQ-UBTVQH10",
        None,
        [("Nghị quyết số 55/1998/NQ-UBTVQH10", "NQ", "55", "55/1998/NQ-UBTVQH10", None, "55-1998-nq-ubtvqh10")],
    ),
    (
        "deep pointer",
        "tại điểm c khoản 3 mục II Phần I Phụ lục I Nghị định số 59/2023/NĐ-CP",
        None,
        [("Nghị định số 59/2023/NĐ-CP", "NĐ", "59", "59/2023/NĐ-CP", None, "59-2023-nd-cp")],
    ),
    (
        "pointer with 'của'",
        "khoản 2 Điều 3 của Luật số 10/2022/QH15",
        None,
        [("Luật số 10/2022/QH15", "Luật", "10", "10/2022/QH15", None, "10-2022-qh15")],
    ),
    # -- reading real documents: laws by name, symbols without type code, repairs ----------------
    (
        "law by name and date in words",
        "Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;",
        None,
        [("Luật Quản lý thuế", "Luật", None, None, "2019-06-13", None)],
    ),
    (
        "code by name and year",
        "Theo quy định của Bộ luật Dân sự năm 2015, hợp đồng phải lập thành văn bản",
        None,
        [("Bộ luật Dân sự", "Luật", None, None, None, None)],
    ),
    (
        "amending law by name, one citation",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công và Luật Ngân sách nhà nước ngày 12 tháng 7 năm 2022;",
        None,
        [
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công và Luật Ngân sách nhà nước",
                "Luật",
                None,
                None,
                "2022-07-12",
                None,
            )
        ],
    ),
    ("this law is not a citation", "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.", None, []),
    ("law named without date", "thực hiện theo Luật Đất đai và các văn bản hướng dẫn", None, []),
    (
        "standing committee resolution without type code",
        "Căn cứ Nghị quyết số 88/2024/UBTVQH15 ngày 5/3/2024 của Ủy ban Thường vụ Quốc hội",
        None,
        [("Nghị quyết số 88/2024/UBTVQH15", "NQ", "88", "88/2024/UBTVQH15", "2024-03-05", None)],
    ),
    (
        "công văn of a department without type code",
        "theo đề nghị của Sở Tư pháp tại Công văn số 412/STP ngày 02/4/2021",
        None,
        [("Công văn số 412/STP", "CV", "412", "412/STP", "2021-04-02", None)],
    ),
    ("issuer in lower case is no symbol", "tăng 12/tháng so với cùng kỳ", None, []),
    (
        "joint resolution symbol kept whole",
        "Nghị quyết liên tịch số 05/2021/NQLT/CP-ĐCTUBTWMTTQVN ngày 20/8/2021",
        None,
        [
            (
                "Nghị quyết liên tịch số 05/2021/NQLT/CP-ĐCTUBTWMTTQVN",
                "NQLT",
                "05",
                "05/2021/NQLT-CP-ĐCTUBTWMTTQVN",
                "2021-08-20",
                None,
            )
        ],
    ),
    (
        "hyphen lost after State type code",
        "Thực hiện Quyết định số 1520/QĐUBND ngày 3/9/2019 của UBND tỉnh",
        None,
        [("Quyết định số 1520/QĐUBND", "QĐ", "1520", "1520/QĐ-UBND", "2019-09-03", None)],
    ),
    (
        "Party symbol with a slash for the hyphen",
        "Quyết định số 812/QĐ/QUTW ngày 14/6/2022",
        None,
        [("Quyết định số 812/QĐ/QUTW", "QĐ", "812", "812-QĐ/QUTW", "2022-06-14", None)],
    ),
    (
        "date glued to the symbol",
        "theo Thông báo số 45-TB/TWngày 02/3/2022 của Ban Bí thư",
        None,
        [("Thông báo số 45-TB/TW", "TB", "45", "45-TB/TW", "2022-03-02", None)],
    ),
    ("form template", "lập biên bản theo Mẫu số 05/BCĐBC-MT đính kèm", None, []),
    ("five-year plan", "xây dựng Kế hoạch 5 năm giai đoạn 2026-2030", None, []),
    (
        "own number in its annex",
        "QUY CHẾ\n(Ban hành kèm theo Quyết định số 17/2020/QĐ-UBND ngày 4/5/2020 của UBND tỉnh)",
        None,
        [],
    ),
    (
        "decree by number and year",
        "Nghị định 45/2022, ngày 7-7-2022 của Chính phủ",
        None,
        [("Nghị định 45/2022", "NĐ", "45", None, "2022-07-07", None)],
    ),
    # -- the date before the citation, names with a congress or a khóa, new type words ------------
    (
        "issue date heading the clause",
        "Ngày 12/3/2022, Ủy ban nhân dân tỉnh đã ban hành Quyết định số 512/QĐ-UBND về kiện toàn Ban Chỉ đạo",
        None,
        [("Quyết định số 512/QĐ-UBND", "QĐ", "512", "512/QĐ-UBND", "2022-03-12", None)],
    ),
    (
        "issue date in words heading the clause, signed",
        "Ngày 03 tháng 8 năm 2021, Chủ tịch Ủy ban nhân dân tỉnh ký ban hành Chỉ thị số 09/CT-UBND về phòng, chống thiên tai",
        None,
        [("Chỉ thị số 09/CT-UBND", "CT", "09", "09/CT-UBND", "2021-08-03", None)],
    ),
    (
        "issue date after a comma, Party body issued",
        "Với tinh thần đó, ngày 20-5-2019, Ban Thường vụ Tỉnh ủy đã ra Chỉ thị số 11-CT/TU về công tác dân vận",
        None,
        [("Chỉ thị số 11-CT/TU", "CT", "11", "11-CT/TU", "2019-05-20", None)],
    ),
    (  # 372/QĐ-BTC of 2026, 230/CĐ-TTg of 2025
        "Cyrillic letters that look Latin inside a symbol",
        "Căn cứ Thông tư số 06/2022/TT-B\u0422\u0421 ngày 08/02/2022 của Bộ Tài chính",
        None,
        [("Thông tư số 06/2022/TT-B\u0422\u0421", "TT", "06", "06/2022/TT-BTC", "2022-02-08", None)],
    ),
    (  # 2449-CV/ĐU of Lào Cai, 2026
        "symbol wrapped after its hyphen, the next line indented",
        "thực hiện Chương trình hành động số 31-\n   CTr/TW ngày 28/7/2026 của Bộ Chính trị",
        None,
        [("Chương trình hành động số 31-\n   CTr/TW", "CTr", "31", "31-CTr/TW", "2026-07-28", None)],
    ),
    (  # 63/2025/QĐ-UBND of Đồng Nai
        "a law's number at the start of a line, the sentence wrapped after số",
        "*Căn cứ Luật Tổ chức chính quyền địa phương số\n72/2025/QH15;*",
        None,
        [("72/2025/QH15", "Luật", "72", "72/2025/QH15", None, None)],
    ),
    (  # 1046/TCT-TTKT of 2020, OCR'd
        "issue date heading the clause, its comma lost",
        "Ngày 10/1/2019 Tổng cục Thuế đã ban hành Quyết định số 41/QĐ-TCT về việc giao chỉ tiêu kế hoạch",
        None,
        [("Quyết định số 41/QĐ-TCT", "QĐ", "41", "41/QĐ-TCT", "2019-01-10", None)],
    ),
    (  # 58080/CT-TTHT of 2020
        "date after đề ngày",
        "Cục Thuế nhận được công văn số 09/2020/CV-HSKV đề ngày 09/06/2020 của Công ty hỏi về chính sách",
        None,
        [("công văn số 09/2020/CV-HSKV", "CV", "09", "09/2020/CV-HSKV", "2020-06-09", None)],
    ),
    (  # 28/2026/TT-BKHCN
        "a technical standard's code is not a citation",
        "thiết bị đáp ứng QCVN 34:2022/BTTTT, QCVN\n126:2021/BTTTT và Thông tư số 32/2020/TT-BTTTT ngày 04 tháng 11 năm 2020",
        None,
        [("Thông tư số 32/2020/TT-BTTTT", "TT", "32", "32/2020/TT-BTTTT", "2020-11-04", None)],
    ),
    (
        "event date heading the clause is not the issue date",
        "Ngày 15/3/2023, tại hội nghị tổng kết, Ban Thường vụ đã ban hành Kết luận số 40-KL/TU về nhiệm vụ năm tới",
        None,
        [("Kết luận số 40-KL/TU", "KL", "40", "40-KL/TU", None, None)],
    ),
    (
        "date of another clause is not the issue date",
        "Ngày 15/3/2023 tỉnh tổ chức hội nghị; Ban Thường vụ ban hành Kết luận số 41-KL/TU về nhiệm vụ năm tới",
        None,
        [("Kết luận số 41-KL/TU", "KL", "41", "41-KL/TU", None, None)],
    ),
    (
        "date of a list is not shared with a citation of another type",
        "theo tinh thần Chỉ thị 19/CT-TTg, Kế hoạch 1204/KH-UBND ngày 02/6/2022 của Ủy ban nhân dân tỉnh",
        None,
        [
            ("Chỉ thị 19/CT-TTg", "CT", "19", "19/CT-TTg", None, None),
            ("Kế hoạch 1204/KH-UBND", "KH", "1204", "1204/KH-UBND", "2022-06-02", None),
        ],
    ),
    (  # 1654/NQ-UBTVQH15 of 2025: the report and the scheme were sent together, on one day
        "date shared by two papers of two types joined by 'và'",
        "Xét đề nghị của Chính phủ tại Tờ trình số 394/TTr-CP và Đề án số 395/ĐA-CP ngày 09 tháng 5 năm 2025",
        None,
        [
            ("Tờ trình số 394/TTr-CP", "TTr", "394", "394/TTr-CP", "2025-05-09", None),
            ("Đề án số 395/ĐA-CP", "ĐA", "395", "395/ĐA-CP", "2025-05-09", None),
        ],
    ),
    (  # 11/2026/TT-BTC: a decree's symbol carries its own year; the date after "và" is the circular's
        "date after 'và' not shared with a citation whose symbol has a year",
        "được sửa đổi bởi Nghị định số 70/2025/NĐ-CP và Thông tư số 32/2025/TT-BTC ngày 31 tháng 5 năm 2025",
        None,
        [
            ("Nghị định số 70/2025/NĐ-CP", "NĐ", "70", "70/2025/NĐ-CP", None, None),
            ("Thông tư số 32/2025/TT-BTC", "TT", "32", "32/2025/TT-BTC", "2025-05-31", None),
        ],
    ),
    (  # 1040/LĐTBXH-NCC of 2012
        "issue date heading a clause after 'Vì vậy'",
        "tình trạng trên vẫn không giảm. Vì vậy ngày 23/5/2011, Bộ Lao động - Thương binh và Xã hội đã ban hành "
        "Công văn số 1609/LĐTBXH-NCC về việc hướng dẫn",
        None,
        [("Công văn số 1609/LĐTBXH-NCC", "CV", "1609", "1609/LĐTBXH-NCC", "2011-05-23", None)],
    ),
    (
        "national congress resolution by name",
        "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng, tỉnh đã xây dựng chương trình",
        None,
        [("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII", "NQ", None, None, None, None)],
    ),
    (
        "provincial congress resolution by name",
        "cụ thể hóa nghị quyết đại hội Đảng bộ huyện lần thứ XX nhiệm kỳ 2020 - 2025",
        None,
        [("nghị quyết đại hội Đảng bộ huyện lần thứ XX", "NQ", None, None, None, None)],
    ),
    (  # Quyết định 904/QĐ-UBND of Lào Cai, 2025, read with pdftotext -layout: the page ends inside the citation
        "page number between a citation and its date",
        "sửa đổi, bổ sung Thông tư số 43/2018/TT-BCT\n                                       2\n\n"
        "ngày 15/11/2018 quy định về quản lý an toàn thực phẩm",
        None,
        [("Thông tư số 43/2018/TT-BCT", "TT", "43", "43/2018/TT-BCT", "2018-11-15", None)],
    ),
    (  # Báo cáo 111-BC/ĐU and 19-BC/ĐU of xã Công Hải: a text layer that spells a passage letter by letter
        "letter-spaced passage, words parted where the case changes",
        "- Đã hoàn thành chi trả quà tết t h e o N g h ị q u y ế t s ố 1 6 / N Q - H Đ N D c ủ a H Đ N D tỉnh",
        None,
        [("N g h ị q u y ế t s ố 1 6 / N Q - H Đ N D", "NQ", "16", "16/NQ-HĐND", None, None)],
    ),
    (  # review: a code with lower case ("TTg") is not parted from its letters; its date still follows
        "letter-spaced passage with a mixed-case code",
        "t h e o C h ỉ t h ị s ố 1 2 / C T - T T g n g à y 5 / 3 / 2 0 2 0 của Thủ tướng",
        None,
        [("C h ỉ t h ị s ố 1 2 / C T - T T g", "CT", "12", "12/CT-TTg", "2020-03-05", None)],
    ),
    (  # review: a wide gap on the same line is a table's next cell, not a page's number
        "number in the next cell of a row is no page number",
        "Quyết định số 12/QĐ-UBND              5   ngày 01/02/2020",
        None,
        [("Quyết định số 12/QĐ-UBND", "QĐ", "12", "12/QĐ-UBND", None, None)],
    ),
    (
        "letter-spaced heading, a word a line",
        "triển khai thực hiện\nN g h ị\nq u y ế t\ns ố\n1 8\nvề sắp xếp tổ chức bộ máy",
        None,
        [("N g h ị\nq u y ế t\ns ố\n1 8", "NQ", "18", None, None, None)],
    ),
    (  # Báo cáo 39-BC/ĐU of xã Công Hải (Khánh Hòa), 2025
        "congress resolution by its level, the term's own",
        "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh và Nghị quyết Đại hội Đảng bộxã nhiệm kỳ 2025 - 2030",
        None,
        [
            ("Nghị quyết Đại hội Đảng bộ tỉnh", "NQ", None, None, None, None),
            ("Nghị quyết Đại hội Đảng bộxã", "NQ", None, None, None, None),
        ],
    ),
    (  # Chương trình -CTr/ĐU of xã Công Hải, a PDF's text layer with its spaces lost
        "type word and ordinal glued by a text layer",
        "triển khai Nghịđịnh số 67 và Nghị quyết Đại hội Đảng bộxã lần thứI",
        None,
        [
            ("Nghịđịnh số 67", "NĐ", "67", None, None, None),
            ("Nghị quyết Đại hội Đảng bộxã lần thứI", "NQ", None, None, None, None),
        ],
    ),
    (
        "congress resolution by numeral",
        "quán triệt Nghị quyết Đại hội XIV Đảng bộ thành phố đến đảng viên",
        None,
        [("Nghị quyết Đại hội XIV", "NQ", None, None, None, None)],
    ),
    (
        "rules named with the khóa",
        "theo Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV và chương trình công tác",
        None,
        [("Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV", "QC", None, None, None, None)],
    ),
    (
        "rules named with commas and the khóa in brackets (Quy định 216-QĐ/TW, 2009)",
        "- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí\nthư (khoá X);",
        None,
        [
            (
                "Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí\nthư (khoá X)",
                "QC",
                None,
                None,
                None,
                None,
            )
        ],
    ),
    (
        "date after a provincial Party committee (Kế hoạch 134 of Lào Cai, 2026)",
        "Thực hiện Nghị quyết số 34-NQ/TU của Tỉnh uỷ Lào Cai ngày 27/12/2025 về phát triển các khu, cụm",
        None,
        [("Nghị quyết số 34-NQ/TU", "NQ", "34", "34-NQ/TU", "2025-12-27", None)],
    ),
    (
        "month glued to 'tháng' (Quyết định 2317 of Thừa Thiên Huế, 2013)",
        "Công văn số 465/BYT-KHTC ngày 07 tháng02 năm 2012 của Bộ Y tế về việc triển khai",
        None,
        [("Công văn số 465/BYT-KHTC", "CV", "465", "465/BYT-KHTC", "2012-02-07", None)],
    ),
    (
        "law named with '( sửa đổi )' spaced, in lower case after Luật (Quảng Nam, 2000)",
        "Căn cứ Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ( sửa đổi ) ngày 21/6/1994;",
        None,
        [
            (
                "Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ( sửa đổi )",
                "Luật",
                None,
                None,
                "1994-06-21",
                None,
            )
        ],
    ),
    (
        "Chủ tịch Hội đồng Bộ trưởng's symbols of 1988–1992, a space after the hyphen",
        "Căn cứ Chỉ thị số 1- CT ngày 5 tháng 1 năm 1989 về việc quản lý; theo chỉ thị số 01-CT ngày 3/1/1990",
        None,
        [
            ("Chỉ thị số 1- CT", "CT", "1", "1-CT", "1989-01-05", None),
            ("chỉ thị số 01-CT", "CT", "01", "01-CT", "1990-01-03", None),
        ],
    ),
    (
        "an amending law named with the laws it amends and their numbers (Quyết định 67/2024/QĐ-UBND of Hà Nội)",
        "Căn cứ Luật Sửa đổi, bổ sung một số Điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và "
        "Luật Tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024;",
        None,
        [
            (
                "Luật Sửa đổi, bổ sung một số Điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và "
                "Luật Tổ chức tín dụng số 32/2024/QH15",
                "Luật",
                None,
                None,
                "2024-06-29",
                None,
            )
        ],
    ),
    (
        "an amending law with its own number, of its own year (Quyết định 25/2000/QĐ-UB of Quảng Nam)",
        "Luật sửa đổi, bổ sung một số điều của Luật Ngân sách Nhà nước số 06/1998/QH10 ngày 20/5/1998;",
        None,
        [
            (
                "Luật sửa đổi, bổ sung một số điều của Luật Ngân sách Nhà nước số 06/1998/QH10",
                "Luật",
                "06",
                "06/1998/QH10",
                "1998-05-20",
                None,
            )
        ],
    ),
    (
        "a unit with a dotted suffix (Công văn 11554/VPCP-V.I, 2025; Quận 8, 2006)",
        "Văn bản số 6721/VPCP-V.I ngày 19/7/2025 của Văn phòng Chính phủ; Công văn số 931/TTr-PGD.Q8 ngày 19/6/2006",
        None,
        [
            ("6721/VPCP-V.I", "CV", "6721", "6721/VPCP-V.I", "2025-07-19", None),
            ("Công văn số 931/TTr-PGD.Q8", "TTr", "931", "931/TTr-PGD.Q8", "2006-06-19", None),
        ],
    ),
    (
        "the day at the head of the clause: the Quốc hội passed, a ministry has (Công văn 10988/BNV-CQĐP, 2025)",
        "Ngày 16/6/2025, Quốc hội đã thông qua Luật Tổ chức chính quyền địa phương số 72/2025/QH15. "
        "Ngày 10/01/2025, Bộ Nông nghiệp và Môi trường đã có Văn bản số 375/BNN-TC về việc",
        None,
        [
            ("72/2025/QH15", "Luật", "72", "72/2025/QH15", "2025-06-16", None),
            ("375/BNN-TC", "CV", "375", "375/BNN-TC", "2025-01-10", None),
        ],
    ),
    (
        "the day between the type word and the number (Công văn 11306/VPCP-NN, 2025)",
        "theo văn bản đề ngày 29 tháng 10 năm 2025 số 16/CV-HHTACN về việc",
        None,
        [("16/CV-HHTACN", "CV", "16", "16/CV-HHTACN", "2025-10-29", None)],
    ),
    (
        "charter named with the khóa",
        "Căn cứ Điều lệ Hội Nông dân Việt Nam khóa VII; xét đề nghị của Ban Tổ chức",
        None,
        [("Điều lệ Hội Nông dân Việt Nam khóa VII", "ĐL", None, None, None, None)],
    ),
    (
        "project by type word and number",
        "đẩy mạnh triển khai Đề án 06 của Chính phủ và Đề\nán 06 của tỉnh",
        None,
        [
            ("Đề án 06", "ĐA", "06", None, None, None),
            ("Đề\nán 06", "ĐA", "06", None, None, None),
        ],
    ),
    (
        "resolution by abbreviation and meeting",
        "các cấp ủy tiếp tục thực hiện NQ TW 5 về công tác cán bộ",
        None,
        [("NQ TW 5", "NQ", None, None, None, None)],
    ),
    (
        "urgent official letter by number",
        "Ủy ban nhân dân huyện đã có công văn khẩn 1457 gửi các xã",
        None,
        [("công văn khẩn 1457", "CV", "1457", None, None, None)],
    ),
    (
        "year broken by a space in the date",
        "Nghị định số 15/2021/NĐ-CP ngày 03/3/20 21 của Chính phủ",
        None,
        [("Nghị định số 15/2021/NĐ-CP", "NĐ", "15", "15/2021/NĐ-CP", "2021-03-03", None)],
    ),
    (
        "1990s Standing Committee symbol, space for the hyphen",
        "Căn cứ vào Nghị quyết số 227 NQ/UBTVQH9 ngày 03 tháng 01 năm 1995 của Ủy ban thường vụ Quốc hội;",
        None,
        [("Nghị quyết số 227 NQ/UBTVQH9", "NQ", "227", "227NQ/UBTVQH9", "1995-01-03", None)],
    ),
    (
        "1990s Standing Committee symbol, glued",
        "theo Nghị quyết 01NQ/UBTVQH9 ngày 26/9/1992",
        None,
        [("Nghị quyết 01NQ/UBTVQH9", "NQ", "01", "01NQ/UBTVQH9", "1992-09-26", None)],
    ),
    (
        "1990s law symbol with a hyphen before the legislature",
        "Căn cứ Luật bầu cử đại biểu Quốc hội số 01/1997-QH9;",
        None,
        [("01/1997-QH9", "Luật", "01", "01/1997-QH9", None, None)],
    ),
    (
        "day and month glued to tháng and năm",
        "Căn cứ Nghị định số 25/2011/NĐ-CP ngày 06tháng 4 năm 2011 của Chính phủ;",
        None,
        [("Nghị định số 25/2011/NĐ-CP", "NĐ", "25", "25/2011/NĐ-CP", "2011-04-06", None)],
    ),
    (
        "issuer between the type word and a glued số",
        "Thi hành Quyết định của Bộ Chính trị số31-QĐ/TW, ngày 01-10-1997 ban hành Quy định",
        None,
        [("Quyết định của Bộ Chính trị số31-QĐ/TW", "QĐ", "31", "31-QĐ/TW", "1997-10-01", None)],
    ),
    (
        "line break before a lower-case số",
        "Căn cứ Luật Tổ chức Quốc hội được sửa đổi bởi Luật\nsố 65/2020/QH14;",
        None,
        [("Luật\nsố 65/2020/QH14", "Luật", "65", "65/2020/QH14", None, None)],
    ),
    (
        "công văn of a legislature's committee",
        "ý kiến của Ủy ban Thường vụ Quốc hội tại văn bản số 885/UBTVQH13-PL ngày 01 tháng 6 năm 2015",
        None,
        [("885/UBTVQH13-PL", "CV", "885", "885/UBTVQH13-PL", "2015-06-01", None)],
    ),
    (
        "1990s provincial symbol, space for the separator",
        "Căn cứ Quyết định số 567 QĐ/UB ngày 12 tháng 4 năm 1997 của UBND thành phố;",
        None,
        [("Quyết định số 567 QĐ/UB", "QĐ", "567", "567QĐ/UB", "1997-04-12", None)],
    ),
    (
        "dotted issuer of a Tờ trình, space before the dot",
        "Xét Tờ trình số 8202/TTr .UBND.VX ngày 16/11/2012 của UBND tỉnh",
        None,
        [("Tờ trình số 8202/TTr .UBND.VX", "TTr", "8202", "8202/TTr.UBND.VX", "2012-11-16", None)],
    ),
    (
        "a sentence ending after the symbol is not a dotted issuer",
        "theo Báo cáo số 45/BC-UBND. Ủy ban nhân dân tỉnh chỉ đạo",
        None,
        [("Báo cáo số 45/BC-UBND", "BC", "45", "45/BC-UBND", None, None)],
    ),
    (
        "a law by name and a bare year",
        "Điều 8 Bộ luật Lao động 2019 quy định các hành vi bị nghiêm cấm",
        None,
        [("Bộ luật Lao động", "Luật", None, None, None, None)],
    ),
    (  # Quyết định 547/QĐ-UBND of Kon Tum (2024)
        "an amending law that counts the laws it amends",
        "Căn cứ Luật sửa đổi, bổ sung\nmột số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;",
        None,
        [
            (
                "Luật sửa đổi, bổ sung\nmột số điều của 37 luật có liên quan đến quy hoạch",
                "Luật",
                None,
                None,
                "2018-11-20",
                None,
            )
        ],
    ),
    (
        "a law whose name holds a dash",
        "Căn cứ Luật ban hành văn bản quy phạm pháp luật của HĐND - UBND ngày 03/12/2004;",
        None,
        [("Luật ban hành văn bản quy phạm pháp luật của HĐND - UBND", "Luật", None, None, "2004-12-03", None)],
    ),
    (
        "symbols before 1992: number, hyphen, issuer",
        "Căn cứ Nghị định số 130-CP và Quyết định số 64b-HĐBT ngày 12/4/1982",
        None,
        [
            ("Nghị định số 130-CP", "NĐ", "130", "130-CP", None, None),
            ("Quyết định số 64b-HĐBT", "QĐ", "64b", "64b-HĐBT", "1982-04-12", None),
        ],
    ),
    ("a year and an issuer is no old symbol", "trong năm 2013-CP chưa ban hành", None, []),
    (
        "ampersand after a space in the issuer",
        "Công văn số 1061/SGD &ĐT-ĐKTCQG ngày 3/9/2013 của Sở",
        None,
        [("Công văn số 1061/SGD &ĐT-ĐKTCQG", "CV", "1061", "1061/SGD&ĐT-ĐKTCQG", "2013-09-03", None)],
    ),
    (
        "the date heading a paragraph that issues the document",
        "THÔN, ẤP, CỤM DÂN CƯ\nNgày 11 tháng 05 năm 1998, Chính phủ đã ban hành Nghị định số 29/1998/NĐ-CP về việc",
        None,
        [("Nghị định số 29/1998/NĐ-CP", "NĐ", "29", "29/1998/NĐ-CP", "1998-05-11", None)],
    ),
    (
        "the date before 'tại' and the notice",
        "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP, Thủ tướng Chính phủ chỉ đạo",
        None,
        [("Thông báo số 569/TB-VPCP", "TB", "569", "569/TB-VPCP", "2025-10-22", None)],
    ),
    (
        "type word glued to a full symbol",
        "Xem Thông tư liên tịch05/2019/TTLT-BNV-BTC tại đây",
        None,
        [("Thông tư liên tịch05/2019/TTLT-BNV-BTC", "TTLT", "05", "05/2019/TTLT-BNV-BTC", None, None)],
    ),
    (
        "date after a central issuer",
        "Để thi hành Nghị định số 71/2016/NĐ-CP của Chính phủ ngày 4 tháng 10 năm 2016 về công tác văn thư",
        None,
        [("Nghị định số 71/2016/NĐ-CP", "NĐ", "71", "71/2016/NĐ-CP", "2016-10-04", None)],
    ),
    (
        "month read by OCR as letters",
        "Căn cứ Nghị định số 33/2012/NĐ-CP ngày 13 tháng II năm 2012 của Chính phủ",
        None,
        [("Nghị định số 33/2012/NĐ-CP", "NĐ", "33", "33/2012/NĐ-CP", "2012-11-13", None)],
    ),
    # -- not citations ---------------------------------------------------------------------------
    ("received-stamp", "SỞ NỘI VỤ TỈNH HẬU GIANG\n\nSố: 1703\n\nNgày 19/7/2017\n\nChuyên: Độc lập", None, []),
    (
        "document's own number in its header",
        "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\n\nSố 1185 /UBND-TH\n\nHậu Giang, ngày 13 tháng 7 năm 2017",
        None,
        [],
    ),
    ("own number with colon", "Số: 160-BC/TU\n\nVị Thanh, ngày 22 tháng 6 năm 2017", None, []),
    (  # Quyết định 05/2019/QĐ-UBND of Trà Vinh as a portal flattened it
        "own number in a header flattened onto one line, its hyphen lost",
        "ỦY BAN NHÂN DÂN CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM TỈNH TRÀ VINH Độc lập  Tự do  Hạnh phúc    "
        "Số: 05/2019/QĐUBND Trà Vinh, ngày 12 tháng 3 năm 2019   QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH VỀ ĐIỀU KIỆN",
        None,
        [],
    ),
    (  # Công văn 8520/BCT-KHCN, 2021, OCR'd
        "own number with its digits spaced by OCR",
        "BỘ CÔNG THƯƠNG CỘNG HOÀ XÃ HỘI É\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số:8 5 2 0/BCT-KHCN Hà Nội, ngày 3Ù tháng 4Ä năm 4034\nV/v hướng dẫn thực hiện quy định\n",
        None,
        [],
    ),
    ("page number", "trên địa bàn tỉnh đã đạt được\n\n2\n\nnhiều kết quả quan trọng", None, []),
    ("filing note", "Lưu hồ sơ số...", None, []),
    ("date alone", "Hậu Giang, ngày 13 tháng 7 năm 2017", None, []),
    ("count of items", "Đối chiếu với 27 biểu hiện suy thoái", None, []),
    ("period of years", "theo lộ trình giai đoạn 2016 - 2020", None, []),
    ("percentage", "giải quyết ngay tại buổi đối thoại (khoảng 30%)", None, []),
    ("ordinal meeting", "Hội nghị lần thứ 7 Ban Chấp hành Trung ương", None, []),
    ("article alone", "theo quy định tại Điều 4 và khoản 3", None, []),
    ("lower-case abbreviation is a word", "nq 25 người", None, []),
    ("type word without a number", "các nghị quyết, chỉ thị, kết luận của Đảng", None, []),
    ("phone number", "Điện thoại: 0293.3870.421", None, []),
    ("fraction", "đạt 3/4 chỉ tiêu, tăng 1/2 so với", None, []),
    ("time of day", "lúc 14/30 - 16/00", None, []),
    ("type word then a year", "Nghị quyết năm 2013 của tỉnh", None, []),
    ("list dash", "- Như trên;\n- Lưu: VT, TH, TT", None, []),
    ("quantity", "Mỗi năm, tỉnh tổ chức 02 đợt đối thoại", None, []),
    ("version number", "phiên bản 2.3.1 của phần mềm", None, []),
    ("stamp line", "ĐẾN\nSố: 1703\nNgày: 19/7/2017", None, []),
    ("Luật as a common word", "Luật sư và các tổ chức hành nghề luật", None, []),
    (
        "a law named with the day it takes effect, not its own (Quyết định 68/2024/QĐ-UBND of Hà Nội)",
        "theo quy định của Luật Du lịch, có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2018",
        None,
        [],
    ),
    (  # Thông báo 467/TB-VPCP (2024): a task after the law's name, then a year that is the task's
        "a law named without date, a task after it",
        "theo quy định tại Điều 61 Luật Lâm nghiệp và thực hiện Đề án một triệu ha lúa chất lượng cao vùng đồng bằng "
        "Sông Cửu Long đến năm 2030 và các Thỏa thuận quốc tế",
        None,
        [],
    ),
    ("Chương trình without number", "từng nội dung của Chương trình CCHC đã được triển khai", None, []),
    (
        "national programme named by its number (Quyết định 44/2025/QĐ-TTg)",
        "xã ra khỏi diện đầu tư của Chương trình 135 giai đoạn II; Dự án 2 (Chương trình 135) thuộc",
        None,
        [],
    ),
    ("mục II heading", "II. Đánh giá thực trạng công tác dân vận", None, []),
    ("money", "hỗ trợ 1.500.000 đồng/người/tháng", None, []),
    (
        "the rules a decision issues",
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế làm việc của Ban Thường trực khóa X",
        None,
        [],
    ),
    ("rules in lower case are prose", "xây dựng quy chế làm việc của ban chấp hành khóa mới", None, []),
    ("congress in prose", "nghị quyết đại hội vi phạm nguyên tắc", None, []),
    ("type word glued to a bare number", "Quyết định3 điểm mới", None, []),
    (
        "own Công báo heading opening the text",
        "NGHỊ QUYẾT SỐ 40 NQ/UBTVQH9 NGÀY 02-03-1993\nCỦA ỦY BAN THƯỜNG VỤ QUỐC HỘI\nVỀ VIỆC PHÊ CHUẨN",
        None,
        [],
    ),
    (  # Kế hoạch of phường Bắc Cam Ranh (2025): the year is the term's, the law is named without its own
        "law named with a term, no year of its own",
        "theo quy định của Luật bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp nhiệm kỳ 2026 -2031.",
        None,
        [],
    ),
    (  # 04/2001/TT-BXD: a list does not run on into the next clause's number
        "clause number after a citation ending a clause",
        "quy định tại Điều 1 và Điều 2 Quyết định số 20/2000/QĐ-TTg;\n\n9. Trong quá trình triển khai",
        None,
        [("Quyết định số 20/2000/QĐ-TTg", "QĐ", "20", "20/2000/QĐ-TTg", None, None)],
    ),
    (
        "own decision named above its annex with 'ban hành theo'",
        "QUY CHẾ\n(Ban hành theo Quyết định số 63/2006/QĐ-UBND, ngày 26 tháng 7 năm 2006 của UBND tỉnh)",
        None,
        [],
    ),
]
