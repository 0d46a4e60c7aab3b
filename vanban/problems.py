"""Problems found in the data: collected, never raised one at a time.

The library returns or raises these; only the CLI turns them into text on a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # a warning that the data acknowledges with a reason


@dataclass(frozen=True)
class ProblemCode:
    """One kind of problem: its stable code, usual severity, meaning, fix and an example."""

    code: str
    severity: str
    meaning: str  # Vietnamese
    fix: str  # Vietnamese
    example: str  # what triggers it, as a user would write it


def _codes(*rows: tuple[str, str, str, str, str]) -> dict[str, ProblemCode]:
    return {row[0]: ProblemCode(*row) for row in rows}


# Every problem the library reports. Problem() refuses a code that is not here; the site lists them
# all (huong-dan/ma-van-de.html) and tests/test_problem_codes.py triggers each one.
CODES: dict[str, ProblemCode] = _codes(
    # Reading files
    (
        "no-data",
        ERROR,
        "không thấy thư mục data/documents",
        "chạy lệnh ở thư mục gốc của dự án hoặc chỉ --data",
        "--data thu-muc-khong-co",
    ),
    (
        "encoding",
        ERROR,
        "tệp (YAML hoặc toàn văn) không phải UTF-8",
        "lưu lại tệp với mã hóa UTF-8 (iconv -f cp1258 -t utf-8)",
        "tệp YAML hoặc toàn văn lưu bằng cp1258",
    ),
    (
        "unreadable",
        ERROR,
        "không đọc được tệp hoặc thư mục: không có quyền, liên kết hỏng, không phải tệp thường",
        "kiểm tra quyền đọc; thay liên kết hỏng, FIFO hay thiết bị bằng một tệp thường",
        "data/texts là một tệp, không phải thư mục",
    ),
    (
        "empty-file",
        ERROR,
        "tệp rỗng hoặc chỉ có chú thích: không có gì được đọc",
        "viết nội dung theo hướng dẫn biên soạn, hoặc xóa tệp",
        "data/documents/<id>.yaml chỉ có dòng # chú thích",
    ),
    (
        "over-limit",
        ERROR,
        "tệp vượt giới hạn: quá lớn, lồng quá sâu, hoặc bí danh (alias) mở rộng quá nhiều",
        "chia nhỏ tệp, bớt cấp lồng, viết thẳng giá trị thay vì dùng bí danh (xem Giới hạn và quy tắc)",
        "tệp YAML 2 MB; bí danh &a lồng nhau thành hàng tỷ giá trị",
    ),
    (
        "link-outside-data",
        ERROR,
        "liên kết tượng trưng trỏ ra ngoài thư mục dữ liệu: không được đọc, không được đăng",
        "chép tệp vào trong data/ thay vì liên kết tới nơi khác",
        "data/texts/<id>.txt → /etc/passwd",
    ),
    (
        "ignored-file",
        WARNING,
        "tệp hoặc thư mục không được đọc: chỉ đọc .yaml, .yml trong documents/ và .txt trong texts/",
        "đổi đuôi tệp, chuyển tệp ra khỏi thư mục dữ liệu, hoặc xóa",
        "data/documents/25-nq-tw-2013.yaml.bak",
    ),
    (
        "too-many-problems",
        WARNING,
        "một tệp có quá nhiều vấn đề; chỉ những vấn đề đầu tiên được in",
        "sửa những vấn đề đã in rồi chạy lại check",
        "tệp có hàng nghìn trường lạ",
    ),
    ("yaml-syntax", ERROR, "lỗi cú pháp YAML", "kiểm tra thụt lề, dấu ':' và dấu ngoặc kép", "title: [chưa đóng"),
    (
        "wrong-type",
        ERROR,
        "giá trị không đúng kiểu của trường",
        "viết đúng kiểu: chuỗi, danh sách, ngày, true/false",
        "topics: {a: b}",
    ),
    (
        "duplicate-key",
        ERROR,
        "một khóa xuất hiện hai lần trong một mục",
        "xóa một trong hai dòng",
        "title: A\ntitle: B",
    ),
    (
        "unknown-field",
        ERROR,
        "trường không có trong mô hình dữ liệu",
        "sửa tên trường theo hướng dẫn biên soạn",
        "titel: …",
    ),
    ("missing-field", ERROR, "thiếu một trường bắt buộc hoặc cần thiết", "thêm trường đó", "tệp không có symbol:"),
    ("bad-date", ERROR, "ngày không có thật hoặc sai dạng", "viết YYYY-MM-DD, YYYY-MM hoặc YYYY", "date: 2017-02-30"),
    (
        "bad-id",
        ERROR,
        "id hoặc khóa (tên tệp, đích quan hệ, khóa cơ quan, địa phương, nguồn) không hợp lệ hoặc dành riêng",
        "chỉ dùng chữ thường không dấu, số và '-', tối đa 100 ký tự, khác 'index'",
        "data/documents/Nghị quyết 25.yaml",
    ),
    ("duplicate-id", ERROR, "hai tệp cùng một id", "mỗi văn bản một tệp", "25-nq-tw-2013.yaml và 25-nq-tw-2013.yml"),
    (
        "orphan-text",
        WARNING,
        "toàn văn không ứng với văn bản nào",
        "đặt tên tệp theo id: <id>.txt",
        "data/texts/khong-co.txt",
    ),
    ("unknown-type", ERROR, "loại văn bản không có trong danh mục", "chọn một loại trong hướng dẫn", "type: nghiquyet"),
    (
        "unknown-status",
        ERROR,
        "tình trạng hiệu lực không có trong danh mục",
        "chọn một tình trạng trong hướng dẫn",
        "status: het-hieu-luc-1-phan",
    ),
    (
        "unknown-relation",
        ERROR,
        "loại quan hệ không có trong danh mục",
        "chọn một quan hệ trong hướng dẫn",
        "relations: [{type: trien-khai, target: …}]",
    ),
    (
        "unknown-level",
        ERROR,
        "cấp của cơ quan không có trong danh mục",
        "trung-uong, tinh, huyen hoặc xa",
        "level: tinh-uy",
    ),
    (
        "unknown-system",
        ERROR,
        "hệ thống của cơ quan không có trong danh mục",
        "dang, nha-nuoc hoặc mat-tran",
        "system: chinh-quyen",
    ),
    (
        "unknown-region",
        ERROR,
        "địa phương của cơ quan chưa có trong regions.yaml",
        "thêm địa phương vào regions.yaml",
        "region: hau-giang khi regions.yaml chưa có hau-giang",
    ),
    (
        "unknown-issuer",
        ERROR,
        "cơ quan (ban hành, cùng ban hành, cấp trên) không có trong issuers.yaml",
        "thêm cơ quan vào issuers.yaml hoặc sửa khóa",
        "issuer: tinh-uy-hau-giangg",
    ),
    # Across documents
    (
        "unknown-source",
        ERROR,
        "nguồn không có trong sources.yaml",
        "dùng một khóa của sources.yaml hoặc site: kèm path:",
        "sources: [bao-nhan-dan]",
    ),
    (
        "figure-not-in-quote",
        ERROR,
        "con số của một số liệu không có trong câu trích của nó",
        "chép con số đúng như câu nguyên văn ghi (02, không phải 2)",
        "figures: [{label: đợt đối thoại, value: '3', quote: 'Mỗi năm tổ chức 02 đợt đối thoại'}]",
    ),
    (
        "figure-unsourced",
        ERROR,
        "câu trích của một số liệu không có trong toàn văn, cũng không trong câu trích của nguồn nào",
        "chép nguyên văn câu từ toàn văn (data/texts), hoặc thêm nguồn có câu ấy vào sources",
        "quote: 'Mỗi năm tổ chức hai đợt' (toàn văn ghi: 02 đợt)",
    ),
    (
        "unusual-symbol",
        WARNING,
        "ký hiệu không theo mẫu nào đã biết",
        "kiểm tra ký hiệu trên văn bản gốc",
        "symbol: Số 25 NQ TW",
    ),
    (
        "symbol-type-mismatch",
        WARNING,
        "mã loại trong ký hiệu khác loại văn bản",
        "kiểm tra loại và ký hiệu; nếu nguồn ghi như vậy, ghi nhận dưới acknowledged",
        "symbol: 79-CT/TU, type: ke-hoach",
    ),
    (
        "symbol-year-mismatch",
        ERROR,
        "năm trong ký hiệu khác năm ban hành",
        "sửa ngày ban hành hoặc ký hiệu",
        "symbol: 59/2023/NĐ-CP, date: 2022-08-17",
    ),
    (
        "id-mismatch",
        ERROR,
        "id không khớp ký hiệu, địa phương và năm",
        "đổi tên tệp theo id mà lệnh check gợi ý, cả các tệp mang id cũ trong data/texts/ và data/originals/",
        "25-nq-tw.yaml cho 25-NQ/TW năm 2013",
    ),
    ("bad-term", WARNING, "khóa không viết bằng số La Mã", "viết XI, XII, XIII", "term: 11"),
    (
        "future-date",
        ERROR,
        "ngày ban hành sau ngày hôm nay",
        "kiểm tra năm: 2099 thay cho 2019?",
        "date: 2099-06-03",
    ),
    (
        "topic-variant",
        WARNING,
        "cùng một chủ đề viết theo hai cách (hoa/thường, có/không dấu, NFC/NFD); đã gộp thành một trang",
        "dùng một cách viết cho mọi văn bản",
        "topics: [Dân vận] ở tệp này, [dân vận] ở tệp khác",
    ),
    (
        "bad-topic",
        ERROR,
        "chủ đề không dùng được làm tên trang: không có chữ hay số, hoặc là tên dành riêng",
        "viết chủ đề bằng chữ: dân vận, xây dựng Đảng",
        "topics: ['---']",
    ),
    (
        "date-order",
        ERROR,
        "ngày có hiệu lực hoặc hết hiệu lực trước ngày ban hành",
        "kiểm tra effective, ceased và date",
        "date: 2020-05-01, effective: 2019-01-01",
    ),
    (
        "unknown-target",
        ERROR,
        "quan hệ trỏ tới id không có",
        "thêm văn bản đó hoặc sửa id",
        "relations: [{type: thuc-hien, target: 25-nq-tw-2031}]",
    ),
    ("self-relation", ERROR, "văn bản có quan hệ với chính nó", "xóa quan hệ này", "target: id của chính văn bản"),
    ("duplicate-relation", WARNING, "một quan hệ ghi hai lần", "xóa một dòng", "hai dòng thuc-hien cùng target"),
    (
        "relation-date-order",
        ERROR,
        "văn bản thực hiện, căn cứ… một văn bản ban hành sau nó",
        "kiểm tra ngày của hai văn bản, hoặc quan hệ có trỏ nhầm năm không",
        "văn bản 2010 thực hiện 25-nq-tw-2013",
    ),
    (
        "duplicate-symbol",
        ERROR,
        "hai văn bản cùng ký hiệu, cùng năm, cùng địa phương",
        "kiểm tra ngày hoặc gộp làm một",
        "hai tệp 04-NQ/TW năm 2016",
    ),
    (
        "relation-cycle",
        ERROR,
        "vòng lặp thay thế, bãi bỏ hoặc sửa đổi",
        "xóa hoặc đảo chiều một quan hệ",
        "A thay thế B, B thay thế A",
    ),
    (
        "stale-acknowledgement",
        WARNING,
        "ghi nhận một cảnh báo không còn xảy ra",
        "xóa dòng đó khỏi acknowledged",
        "acknowledged: {unusual-symbol: …} khi ký hiệu đã đúng mẫu",
    ),
    # Drafts and originals
    (
        "draft-unreviewed",
        WARNING,
        "bản nháp nhập tự động (có khối draft:) chưa được xem xét; thông báo nêu các trường máy đọc chưa chắc",
        "đối chiếu với bản gốc, sửa tệp YAML, rồi `vanban accept ID` (hoặc xóa khối draft:); "
        "`vanban review` liệt kê các bản nháp",
        "data/documents/<id>.yaml do `vanban ingest` viết, còn khối draft:",
    ),
    (
        "bad-original",
        WARNING,
        "tệp trong data/originals/ không được đăng: liên kết tượng trưng, thư mục con, tên không phải id và đuôi "
        "tệp cho phép, quá lớn, rỗng, hoặc không ứng với văn bản nào",
        "đặt tệp thật tên <id>.pdf (.docx, .jpg…) thẳng trong data/originals/, hoặc xóa tệp",
        "data/originals/ban-goc.pdf là liên kết tới /home/…",
    ),
    (
        "missing-original",
        WARNING,
        "văn bản hoặc bản nháp nêu một bản gốc (original, draft.original) không có trong data/originals/",
        "chép tệp gốc vào data/originals/ với đúng tên đó, hoặc xóa dòng original:",
        "draft: {original: 25-nq-tw-2013.pdf} khi data/originals/ không có tệp đó",
    ),
    # Full texts
    (
        "uncovered-citation",
        WARNING,
        "toàn văn trích dẫn một văn bản mà không có quan hệ nào tới nó",
        "thêm quan hệ mà thông báo gợi ý",
        "toàn văn ghi 'Thực hiện Nghị quyết số 25-NQ/TW' mà không có quan hệ",
    ),
    (
        "cited-date-mismatch",
        WARNING,
        "ngày trích dẫn khác ngày của văn bản được trích dẫn",
        "lỗi của văn bản nguồn thì ghi nhận dưới acknowledged; không thì kiểm tra dữ liệu",
        "'Báo cáo 160-BC/TU ngày 22/6/2016' khi báo cáo ban hành ngày 22/6/2017",
    ),
    (
        "ambiguous-citation",
        WARNING,
        "trích dẫn ứng với nhiều văn bản",
        "thêm quan hệ tới đúng văn bản",
        "'Nghị quyết 25-NQ/TW' không kèm ngày hay khóa",
    ),
    (
        "unresolved-citation",
        WARNING,
        "trích dẫn không có trong cơ sở tri thức",
        "thêm văn bản đó (có thể chỉ với known_from_citation: true)",
        "'Nghị quyết số 18-NQ/TW' khi chưa có văn bản đó",
    ),
    (
        "impossible-cited-date",
        WARNING,
        "ngày trích dẫn không có thật",
        "kiểm tra ngày trong văn bản nguồn",
        "'Chỉ thị số 05-CT/TW ngày 31/02/2017'",
    ),
    (
        "text-too-large",
        ERROR,
        "toàn văn lớn hơn giới hạn về dung lượng hoặc số trích dẫn: không tìm trích dẫn trong đó",
        "chỉ giữ toàn văn của chính văn bản, không gộp nhiều văn bản hay phụ lục dài vào một tệp",
        "data/texts/<id>.txt 50 MB",
    ),
)


_RANK = {ERROR: 0, WARNING: 1, NOTE: 2}
MAX_MESSAGE = 600  # characters of a message or a hint; longer ones are cut with "…"
MAX_FIELD = 120


@dataclass(frozen=True)
class Problem:
    code: str  # stable machine code, e.g. "unknown-issuer"
    message: str  # Vietnamese, what is wrong
    hint: str = ""  # Vietnamese, how to fix it
    file: str = ""
    line: int | None = None
    field: str = ""  # dotted path, e.g. "relations[2].target"
    severity: str = ERROR
    doc_id: str = ""  # the document the problem is about, when there is one

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a programming error: every code has a registry entry
            raise ValueError(f"problem code not in problems.CODES: {self.code!r}")
        # Messages quote data (a key, a value); a 1 MB key must not become a 1 MB message.
        for name, limit in (("message", MAX_MESSAGE), ("hint", MAX_MESSAGE), ("field", MAX_FIELD)):
            text = getattr(self, name)
            if len(text) > limit:
                object.__setattr__(self, name, text[: limit - 1] + "…")

    def location(self) -> str:
        where = self.file or "(dữ liệu)"
        if self.line:
            where += f":{self.line}"
        return where


MAX_PER_FILE = 50  # problems kept for one file; the rest are counted in one summary problem


@dataclass
class Problems:
    """An accumulator that stages append to; stays a plain list underneath.

    A file with thousands of problems (a generated or pasted file) would bury the others: after
    MAX_PER_FILE, its problems are counted in one summary that keeps the worst severity, so the
    exit code does not change.
    """

    items: list[Problem] = field(default_factory=list)
    _per_file: dict[str, int] = field(default_factory=dict, repr=False)
    _summary: dict[str, int] = field(default_factory=dict, repr=False)  # file → index in items

    def add(self, problem: Problem) -> None:
        count = self._per_file[problem.file] = self._per_file.get(problem.file, 0) + 1
        if count <= MAX_PER_FILE:
            self.items.append(problem)
            return
        severity = problem.severity
        if problem.file in self._summary:
            severity = min(severity, self.items[self._summary[problem.file]].severity, key=_RANK.__getitem__)
        else:
            self._summary[problem.file] = len(self.items)
            self.items.append(problem)  # replaced just below
        self.items[self._summary[problem.file]] = Problem(
            "too-many-problems",
            f"còn {count - MAX_PER_FILE} vấn đề nữa trong tệp này không được in",
            "sửa những vấn đề đã in rồi chạy lại `check`",
            problem.file,
            severity=severity,
        )

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)


class VanbanError(Exception):
    """Base of every error the library raises on purpose."""


class DataError(VanbanError):
    """The data has errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} vấn đề trong dữ liệu")


class OutputError(VanbanError):
    """A file the user asked for could not be written; nothing was left half-written."""


class BuildError(VanbanError):
    """The site could not be built; the previous site is left as it was."""


class OutputFolderRefused(VanbanError):
    """The output folder is not one the build may write or replace; refused before any work, nothing touched."""
