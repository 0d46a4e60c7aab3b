"""A held-out set of citation forms, written after the extractor and run once before any fix.

Its first-run precision and recall are the honest estimate; the main table (citation_forms.py)
was written alongside the code. Same row format as citation_forms.FORMS.
"""

from __future__ import annotations

HELDOUT = [
    (
        "Căn cứ, full form",
        "Căn cứ Quyết định số 217-QĐ/TW ngày 12 tháng 12 năm 2013 của Bộ Chính trị ban hành Quy chế giám sát",
        None,
        [("Quyết định số 217-QĐ/TW", "QĐ", "217", "217-QĐ/TW", "2013-12-12", "217-qd-tw-2013")],
    ),
    (
        "hai Quyết định in a list",
        "Căn cứ các Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)",
        None,
        [
            ("Quyết định số 217-QĐ/TW", "QĐ", "217", "217-QĐ/TW", "2013-12-12", "217-qd-tw-2013"),
            ("218-QĐ/TW", "QĐ", "218", "218-QĐ/TW", "2013-12-12", "218-qd-tw-2013"),
        ],
    ),
    (
        "Luật with 'số' after the name",
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
        None,
        [("Luật Thực hiện dân chủ ở cơ sở", "Luật", None, None, "2022-11-10", "10-2022-qh15")],
    ),
    (
        "press style, NQ short form with year",
        "Sau 10 năm thực hiện Nghị quyết 25 (khóa XI) về công tác dân vận",
        "2023-06-01",
        [("Nghị quyết 25", "NQ", "25", None, None, "25-nq-tw-2013")],
    ),
    (
        "press style, Kết luận without 'số'",
        "Ban Bí thư ban hành Kết luận 43-KL/TW về tiếp tục thực hiện",
        None,
        [("Kết luận 43-KL/TW", "KL", "43", "43-KL/TW", None, "43-kl-tw-2019")],
    ),
    (
        "Chỉ thị 05 by number and issuer",
        "thực hiện Chỉ thị 05 của Bộ Chính trị",
        "2018-01-01",
        [("Chỉ thị 05", "CT", "05", None, None, "05-ct-tw-2016")],
    ),
    (
        "Quy chế number in a sentence",
        "theo Quyết định 290-QĐ/TW, ngày 25-02-2010",
        None,
        [("Quyết định 290-QĐ/TW", "QĐ", "290", "290-QĐ/TW", "2010-02-25", "290-qd-tw-2010")],
    ),
    (
        "semicolon list",
        "Nghị quyết số 04-NQ/TW; Kết luận số 21-KL/TW; Chỉ thị số 05-CT/TW",
        None,
        [
            ("Nghị quyết số 04-NQ/TW", "NQ", "04", "04-NQ/TW", None, "04-nq-tw-2016"),
            ("Kết luận số 21-KL/TW", "KL", "21", "21-KL/TW", None, "21-kl-tw-2021"),
            ("Chỉ thị số 05-CT/TW", "CT", "05", "05-CT/TW", None, "05-ct-tw-2016"),
        ],
    ),
    ("OCR: capital O for zero", "Nghị quyết số O4-NQ/TW", None, []),
    (
        "OCR: line break after 'số'",
        "Kết luận số\n114-KL/TW",
        None,
        [("Kết luận số\n114-KL/TW", "KL", "114", "114-KL/TW", None, "114-kl-tw-2015")],
    ),
    (
        "decree without 'số', date in words",
        "Nghị định 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023",
        None,
        [("Nghị định 59/2023/NĐ-CP", "NĐ", "59", "59/2023/NĐ-CP", "2023-08-14", "59-2023-nd-cp")],
    ),
    (
        "law named with year",
        "Luật Thực hiện dân chủ ở cơ sở năm 2022 có hiệu lực",
        None,
        [("Luật Thực hiện dân chủ ở cơ sở năm 2022", "Luật", None, None, None, "10-2022-qh15")],
    ),
    (
        "Pháp lệnh số with name",
        "Pháp lệnh số 34/2007/PL-UBTVQH11 về thực hiện dân chủ ở xã, phường, thị trấn",
        None,
        [("Pháp lệnh số 34/2007/PL-UBTVQH11", "PL", "34", "34/2007/PL-UBTVQH11", None, "34-2007-pl-ubtvqh11")],
    ),
    (
        "Nghị quyết 55 of the Standing Committee",
        "Nghị quyết số 55/1998/NQ-UBTVQH10 về Quy chế thực hiện dân chủ trong hoạt động của cơ quan",
        None,
        [("Nghị quyết số 55/1998/NQ-UBTVQH10", "NQ", "55", "55/1998/NQ-UBTVQH10", None, "55-1998-nq-ubtvqh10")],
    ),
    (
        "Hội nghị Trung ương lần thứ",
        "Nghị quyết Hội nghị Trung ương lần thứ 4 khóa XII",
        None,
        [("Nghị quyết Hội nghị Trung ương lần thứ 4 khóa XII", "NQ", None, None, None, "04-nq-tw-2016")],
    ),
    (
        "TW 7 khoá XI without 'Nghị quyết số'",
        "thực hiện Nghị quyết TW7 khoá XI",
        None,
        [("Nghị quyết TW7 khoá XI", "NQ", None, None, None, "25-nq-tw-2013")],
    ),
    (
        "Công văn of the province, no 'số'",
        "Công văn 1185/UBND-TH ngày 13/7/2017 của UBND tỉnh",
        None,
        [("Công văn 1185/UBND-TH", "CV", "1185", "1185/UBND-TH", "2017-07-13", "1185-ubnd-th-hau-giang-2017")],
    ),
    (
        "Thông báo kết luận of the Party",
        "Thông báo số 125-TB/TW ngày 20/10/2017",
        None,
        [("Thông báo số 125-TB/TW", "TB", "125", "125-TB/TW", "2017-10-20", None)],
    ),
    (
        "Hướng dẫn of the Party office",
        "theo Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
        None,
        [("Hướng dẫn số 36-HD/VPTW", "HD", "36", "36-HD/VPTW", "2018-04-03", None)],
    ),
    (
        "Quy định of the Party on symbols",
        "Quy định số 66-QĐ/TW ngày 06/02/2017 về thể loại, thẩm quyền ban hành",
        None,
        [("Quy định số 66-QĐ/TW", "QĐ", "66", "66-QĐ/TW", "2017-02-06", None)],
    ),
    (
        "Nghị định on clerical work",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
        None,
        [("Nghị định số 30/2020/NĐ-CP", "NĐ", "30", "30/2020/NĐ-CP", "2020-03-05", None)],
    ),
    (
        "Nghị quyết of the National Assembly on merging",
        "theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội",
        None,
        [("Nghị quyết số 202/2025/QH15", "NQ", "202", "202/2025/QH15", "2025-06-12", None)],
    ),
    ("not a citation: account number", "Tài khoản số 3711.0.1044583 tại Kho bạc", None, []),
    ("not a citation: address", "Địa chỉ: số 02 đường 30/4, phường 1", None, []),
    ("not a citation: hotline", "Đường dây nóng 1900-1234", None, []),
    ("not a citation: Điều with number", "Điều 3. Chánh Văn phòng, Giám đốc Sở Nội vụ", None, []),
]
