"""Command line: the only place that prints or exits."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from . import vocab
from .checked import Checked
from .citations import Citation
from .dates import show_date as plain_date
from .export import FORMATS as EXPORT_FORMATS
from .graph import TreeNode, depth_first, implementers, neighbours, sources, status_of, status_on
from .model import Corpus, Document
from .pipeline import DEFAULT_DATA, DEFAULT_SITE, build_site, check, load_valid
from .problems import ERROR, NOTE, WARNING, BuildError, DataError, OutputError, OutputFolderRefused, Problem
from .refs import AmbiguousRef, RefIndex, RefNotFound
from .rules import holds_on
from .site.build import served_site, write_output

SEVERITY_LABEL = {ERROR: "LỖI", WARNING: "CẢNH BÁO", NOTE: "GHI NHẬN"}


def console() -> None:
    """The `vanban` command installed by pyproject.toml."""
    sys.exit(main())


# Control characters that a terminal acts on (ESC sequences move the cursor, rewrite the title,
# hide text): data may carry them, so on a terminal they are shown, never obeyed.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """Text for a terminal: every control character but tab and line breaks shown as \\xNN."""
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class _TerminalWriter:
    """Wraps stdout or stderr when it is a terminal, so that data printed there cannot drive it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _guard_terminals() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream.isatty() and not isinstance(stream, _TerminalWriter):
            setattr(sys, name, _TerminalWriter(stream))


def main(argv: list[str] | None = None) -> int:
    _guard_terminals()
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except DataError as exc:
        _print_problems(exc.problems)
        print(
            f"\nDừng lại: {len(exc.problems)} vấn đề phải sửa trước "
            "(chạy `python build_graph.py check` để xem mọi vấn đề).",
            file=sys.stderr,
        )
        return 1
    except AmbiguousRef as exc:
        print(f"'{exc.ref}' ứng với {len(exc.candidates)} văn bản; hãy nêu rõ năm hoặc dùng id:", file=sys.stderr)
        for doc in exc.candidates:
            print(
                f"  {doc.id:40} {doc.symbol} ({doc.year or 'chưa rõ năm'}) {plain_date(doc.date)}  {doc.title[:70]}",
                file=sys.stderr,
            )
        return 2
    except RefNotFound as exc:
        hint = f" Có phải: {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        print(f"Không tìm thấy văn bản '{exc.ref}'.{hint}", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"Lỗi dựng trang: {exc}\nTrang web cũ (nếu có) vẫn giữ nguyên.", file=sys.stderr)
        return 1
    except OutputError as exc:
        print(f"Không ghi được tệp: {exc}", file=sys.stderr)
        return 1
    except OutputFolderRefused as exc:
        print(f"Không dùng thư mục này cho trang web: {exc}\nKhông có gì bị ghi hay xóa.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `check | head`: the reader has gone, which is no error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build_graph.py", description="Cơ sở tri thức văn bản Đảng và Nhà nước.")
    sub = parser.add_subparsers(required=True, metavar="LỆNH")

    def data_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", default=str(DEFAULT_DATA), help="thư mục dữ liệu (mặc định: data/)")

    p = sub.add_parser("check", help="kiểm tra dữ liệu, báo mọi lỗi một lần")
    data_arg(p)
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("show", help="một văn bản và các quan hệ hai chiều")
    data_arg(p)
    p.add_argument("ref", metavar="REF", help="id, ký hiệu (25-NQ/TW), ký hiệu kèm năm (16/CT-TTg 2020) hoặc tên gọi")
    p.add_argument(
        "--on",
        metavar="YYYY-MM-DD",
        type=_day,
        help="như cơ sở tri thức đứng vào ngày đó: văn bản ban hành sau ẩn đi, tình trạng hiệu lực tính đến ngày đó",
    )
    p.set_defaults(func=cmd_show)

    for name, helptext in (
        ("implementers", "cây văn bản thực hiện REF (đi xuống)"),
        ("sources", "văn bản mà REF thực hiện hoặc căn cứ (đi lên)"),
    ):
        p = sub.add_parser(name, help=helptext)
        data_arg(p)
        p.add_argument("ref", metavar="REF")
        p.add_argument("--json", action="store_true", help="in mảng JSON")
        p.set_defaults(func=cmd_tree, direction=name)

    p = sub.add_parser("extract", help="mọi trích dẫn văn bản trong một văn bản")
    data_arg(p)
    p.add_argument("file", metavar="FILE", help="tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn")
    p.add_argument("--json", action="store_true", help="in mảng JSON")
    p.add_argument(
        "--date", help="ngày của văn bản trích dẫn (YYYY-MM-DD): không văn bản nào trích dẫn văn bản ban hành sau nó"
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("suggest", help="bản nháp YAML cho một văn bản mới từ toàn văn của nó")
    data_arg(p)
    p.add_argument("file", metavar="FILE", help="tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("ingest", help="nhập tệp (Word, PDF, bản quét, ảnh, .txt) thành bản nháp trong data/")
    data_arg(p)
    p.add_argument("paths", metavar="PATH", nargs="+", help="tệp hoặc thư mục (đọc cả thư mục con)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON, mỗi văn bản một mục")
    p.add_argument("--max-mb", type=float, default=50, metavar="MB", help="cỡ tối đa một tệp (mặc định 50 MB)")
    p.add_argument("--max-pages", type=int, default=300, metavar="N", help="số trang tối đa một tệp (mặc định 300)")
    p.add_argument("--timeout", type=float, default=300, metavar="S", help="giây tối đa để đọc một tệp (mặc định 300)")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="số trang OCR cùng lúc (mặc định: mọi lõi)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("pack", help="tài liệu học tập về một văn bản trung ương, dạng PDF hoặc HTML")
    data_arg(p)
    p.add_argument("ref", metavar="REF")
    p.add_argument("--pdf", metavar="FILE", help="ghi bản PDF vào FILE")
    p.add_argument("--html", metavar="FILE", help="ghi bản HTML vào FILE")
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("report", help="những nơi có văn bản thực hiện REF, sau bao nhiêu ngày, nơi nào chưa có")
    data_arg(p)
    p.add_argument("ref", metavar="REF")
    p.add_argument("--csv", metavar="FILE", help="ghi bảng CSV vào FILE (- : đầu ra chuẩn)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", help="văn bản và quan hệ ở dạng mở: csv, json, graphml, jsonld")
    data_arg(p)
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument(
        "--out",
        metavar="FILE",
        help="tệp kết quả (mặc định: đầu ra chuẩn). Với csv: tiền tố, ghi FILE-documents.csv và FILE-relations.csv",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("build", help="sinh trang và dựng trang web")
    data_arg(p)
    p.add_argument("--out", default=str(DEFAULT_SITE), help="thư mục trang web (mặc định: site/)")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo dữ liệu là lỗi")
    p.add_argument(
        "--pdf-packs",
        type=int,
        default=20,
        metavar="N",
        help="số tài liệu học tập tạo sẵn bản PDF (những văn bản có nhiều văn bản thực hiện nhất; mặc định 20)",
    )
    p.add_argument("--clean", action="store_true", help="dựng lại toàn bộ, kể cả khi dữ liệu không đổi")
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="số tiến trình đọc tệp dữ liệu và trích dẫn trong toàn văn (0: mọi nhân)",
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "serve", help="dựng rồi phục vụ trang web tại http://127.0.0.1:8000/, tự dựng lại và tải lại khi dữ liệu đổi"
    )
    data_arg(p)
    p.add_argument("--out", default=str(DEFAULT_SITE), help="thư mục trang web (mặc định: site/)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--no-build", action="store_true", help="phục vụ trang đã dựng, không dựng lại")
    p.add_argument("--no-watch", action="store_true", help="không theo dõi dữ liệu để tự dựng lại")
    p.set_defaults(func=cmd_serve, strict=False, pdf_packs=20)

    p = sub.add_parser("review", help="liệt kê các bản nháp chưa được xem xét và các trường cần xem lại")
    data_arg(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("accept", help="xác nhận đã xem xét một bản nháp (cả văn bản), hoặc từng trường của nó")
    data_arg(p)
    p.add_argument("id", metavar="ID", help="id của bản nháp, ví dụ 565-tb-ubnd-quang-ngai-2024")
    p.add_argument(
        "fields",
        metavar="TRƯỜNG",
        nargs="*",
        help="các trường đã kiểm tra (symbol, date, title…): bỏ dấu của chúng; không nêu: cả văn bản, bỏ khối draft",
    )
    p.set_defaults(func=cmd_accept)

    p = sub.add_parser("schema", help="in JSON Schema của tệp văn bản (cho trình soạn thảo)")
    p.set_defaults(func=cmd_schema)
    return parser


def _print_problems(problems: list[Problem]) -> None:
    order = {ERROR: 0, WARNING: 1, NOTE: 2}
    for p in sorted(problems, key=lambda p: (order[p.severity], p.file, p.line or 0)):
        field = f" [{p.field}]" if p.field else ""
        print(f"{SEVERITY_LABEL[p.severity]:9} {p.location()}{field}: {p.message}")
        if p.hint:
            print(f"{'':9} → {p.hint}")


def cmd_check(args: argparse.Namespace) -> int:
    checked = check(args.data, jobs=0)  # every core reads the files and the citations
    _print_problems(checked.problems)
    errors = sum(p.severity == ERROR for p in checked.problems)
    warnings = sum(p.severity == WARNING for p in checked.problems)
    notes = sum(p.severity == NOTE for p in checked.problems)
    print(
        f"\n{len(checked.corpus.documents)} văn bản, {len(checked.corpus.known_issuers())} cơ quan: "
        f"{errors} lỗi, {warnings} cảnh báo, {notes} ghi nhận."
    )
    return 1 if checked.failing(args.strict) else 0


def _ref_refused(ref: str) -> bool:
    """A reference longer than any id, symbol or name (refs.MAX_REF_CHARS): refused with a message."""
    from .refs import MAX_REF_CHARS, RefTooLong, normal_ref

    try:
        normal_ref(ref)
    except RefTooLong as exc:
        length = f"{exc.length:,}".replace(",", ".")
        print(
            f"Tham chiếu dài {length} ký tự, quá giới hạn {MAX_REF_CHARS}: hãy dùng id (25-nq-tw-2013), "
            "ký hiệu (25-NQ/TW) hoặc tên gọi của văn bản.",
            file=sys.stderr,
        )
        return True
    return False


def cmd_show(args: argparse.Namespace) -> int:
    if _ref_refused(args.ref):
        return 2
    checked = load_valid(args.data)
    corpus, graph = checked.corpus, checked.graph
    doc = RefIndex(corpus).resolve(args.ref)
    print(_headline(corpus, doc))
    print(f"  id: {doc.id}")
    if doc.title:
        print(f"  {doc.title}")
    if doc.unverified:
        print(f"  chưa xác minh: {', '.join(doc.unverified)}")
    if doc.known_from_citation:
        print("  chỉ biết qua trích dẫn")
    if doc.draft is not None:
        print("  bản nháp nhập tự động, chưa được xem xét (xem `vanban review`)")
    items = neighbours(graph, corpus, doc.id)
    day: dt.date | None = args.on
    status = status_of(graph, corpus, doc) if day is None else status_on(graph, corpus, doc, day)
    if day is not None:
        print(f"  theo ngày {day:%d/%m/%Y}: văn bản ban hành sau ngày đó không hiện, tình trạng tính đến ngày đó")
        if doc.date is not None and doc.date.earliest() > day:
            print("  văn bản này ban hành sau ngày đó")
        shown = [n for n in items if n.doc.date is None or holds_on(n.doc.date, day)]  # unknown: shown
        if len(shown) < len(items):
            print(f"  ({len(items) - len(shown)} văn bản liên quan ban hành sau ngày đó không hiện)")
        items = shown
    if status.label:
        print(f"  tình trạng: {status.line()}")
    elif day is not None:
        print("  tình trạng: chưa ghi nhận văn bản thay thế hay ngày hết hiệu lực tính đến ngày đó")
    for outgoing, heading in ((True, "Văn bản này tác động tới"), (False, "Văn bản khác tác động tới văn bản này")):
        group = [n for n in items if n.outgoing == outgoing]
        print(f"\n{heading} ({len(group)}):")
        for n in sorted(group, key=lambda n: (list(vocab.RELATION_TYPES).index(n.relation.type), n.doc.symbol)):
            rtype = vocab.RELATION_TYPES[n.relation.type]
            label = rtype.label if outgoing else rtype.inverse_label
            flag = " [chưa xác minh]" if n.relation.unverified else ""
            print(
                f"  {label}: {n.doc.symbol} ({n.doc.year or 'chưa rõ năm'}) {plain_date(n.doc.date)} [{n.doc.id}]{flag}"
            )
    return 0


def _day(text: str) -> dt.date:
    """A day given on the command line, or argparse's message."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải ngày dạng YYYY-MM-DD (ví dụ 2017-06-30)") from None


def _headline(corpus: Corpus, doc: Document) -> str:
    issuer = corpus.issuers[doc.issuer].name
    term = f", khóa {doc.term}" if doc.term else ""
    return f"{doc.symbol} — {vocab.DOC_TYPES[doc.type].label}, {issuer}, {plain_date(doc.date)}{term}"


def cmd_tree(args: argparse.Namespace) -> int:
    if _ref_refused(args.ref):
        return 2
    checked = load_valid(args.data)
    corpus, graph = checked.corpus, checked.graph
    doc = RefIndex(corpus).resolve(args.ref)
    walk = implementers if args.direction == "implementers" else sources
    nodes = walk(graph, corpus, doc.id)
    if args.json:
        print(json.dumps([_tree_json(n) for n in nodes], ensure_ascii=False, indent=2))
        return 0
    print(_headline(corpus, doc))
    if not nodes:
        print("  (không có văn bản nào)")
    for n in depth_first(nodes, doc.id):
        rtype = vocab.RELATION_TYPES[n.relation]
        label = rtype.label if args.direction == "sources" else rtype.label.lower()
        flag = " [chưa xác minh]" if n.unverified else ""
        print(
            f"{'  ' * n.depth}└ {label}: {n.doc.symbol} ({n.doc.year or 'chưa rõ năm'}) "
            f"{plain_date(n.doc.date)} — {corpus.issuers[n.doc.issuer].name} [{n.doc.id}]{flag}"
        )
    return 0


def _tree_json(n: TreeNode) -> dict[str, object]:
    return {
        "id": n.doc.id,
        "symbol": n.doc.symbol,
        "type": n.doc.type,
        "date": n.doc.date.iso() if n.doc.date else None,
        "issuer": n.doc.issuer,
        "title": n.doc.title,
        "relation": n.relation,
        "depth": n.depth,
        "via": n.via,
        "unverified": n.unverified,
    }


def cmd_extract(args: argparse.Namespace) -> int:
    from .citations import Resolver, TextTooLarge, extract
    from .dates import parse_date

    try:
        date = parse_date(args.date) if args.date is not None else None  # "--date ''" is no date either
    except ValueError:
        print(f"Ngày không hợp lệ: {args.date!r}; viết YYYY-MM-DD (ví dụ 2017-02-07).", file=sys.stderr)
        return 1
    text = _read_input(args.file)
    if text is None:
        return 1
    corpus = load_valid(args.data).corpus
    try:
        citations = extract(text, Resolver(corpus), date=date)
    except TextTooLarge as exc:
        print(f"Không đọc {_input_name(args.file)}: {exc.reason}.", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps([c.as_json() for c in citations], ensure_ascii=False, indent=2))
        return 0
    for c in citations:
        print(_citation_line(corpus, c))
    print(f"\n{len(citations)} trích dẫn, {sum(c.resolved is not None for c in citations)} đã xác định.")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from .citations import TextTooLarge
    from .citations.suggest import draft_yaml

    text = _read_input(args.file)
    if text is None:
        return 1
    if not text.strip():
        print(f"{_input_name(args.file).capitalize()} trống: không có gì để đọc.", file=sys.stderr)
        return 1
    try:
        draft, _ = draft_yaml(text, load_valid(args.data).corpus)
    except TextTooLarge as exc:
        print(f"Không đọc {_input_name(args.file)}: {exc.reason}.", file=sys.stderr)
        return 1
    print(draft, end="")
    return 0


def _input_name(name: str) -> str:
    return "đầu vào chuẩn" if name == "-" else name


def _read_input(name: str) -> str | None:
    """The text of FILE, or of standard input for "-": UTF-8 and at most citations.MAX_TEXT_BYTES.

    None after a message when it is missing, a folder, unreadable, too large, binary or not UTF-8.
    Only MAX_TEXT_BYTES + 1 bytes are read, so that /dev/zero or an endless pipe is refused too.
    """
    from .citations import MAX_TEXT_BYTES
    from .citations.limits import number

    shown = _input_name(name)
    try:
        if name == "-":
            if sys.stdin is None:  # started with standard input closed
                print("Không có đầu vào chuẩn để đọc.", file=sys.stderr)
                return None
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read(MAX_TEXT_BYTES + 1) if stream is not None else _text_stdin(MAX_TEXT_BYTES + 1)
        else:
            with open(name, "rb") as file:
                data = file.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        print(f"Không có tệp {name}.", file=sys.stderr)
        return None
    except IsADirectoryError:
        print(f"{name} là một thư mục; hãy chỉ một tệp văn bản.", file=sys.stderr)
        return None
    except PermissionError:
        print(f"Không có quyền đọc {name}.", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"Không đọc được {shown}: {exc.strerror or exc}.", file=sys.stderr)
        return None
    if len(data) > MAX_TEXT_BYTES:
        print(
            f"Không đọc {shown}: dài hơn {number(MAX_TEXT_BYTES)} byte, giới hạn của một văn bản.",
            file=sys.stderr,
        )
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        what = "UTF-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "dữ liệu nhị phân (có byte 0)"
        print(
            f"Không đọc {shown}: đây là {what}, không phải văn bản UTF-8. "
            "Hãy lưu văn bản dưới dạng văn bản thuần UTF-8 (.txt).",
            file=sys.stderr,
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        print(
            f"Không đọc {shown}: không phải UTF-8 (byte 0x{data[exc.start]:02x} ở dòng {line}). "
            "Văn bản lưu bằng mã khác (cp1258, Windows-1252, TCVN3…) cần chuyển sang UTF-8, "
            "ví dụ: iconv -f cp1258 -t utf-8 TỆP > TỆP-utf8.txt",
            file=sys.stderr,
        )
        return None


def _text_stdin(limit: int) -> bytes:
    """Standard input that is text only (no .buffer, as some embedders give): its UTF-8 bytes."""
    return sys.stdin.read(limit).encode("utf-8", "surrogateescape")


def _citation_line(corpus: Corpus, c: Citation) -> str:
    line = " ".join(c.text.split())
    where = f"[{c.start}-{c.end}]"
    if c.resolved:
        doc = corpus.documents[c.resolved]
        target = f"→ {doc.symbol} ({doc.year or 'chưa rõ năm'}) [{doc.id}]"
        if c.date_mismatch:
            target += f" — ngày trích dẫn {plain_date(c.date)} khác ngày văn bản {plain_date(doc.date)}"
    elif c.candidates:
        target = "→ chưa xác định, có thể là: " + ", ".join(c.candidates)
    else:
        target = "→ không có trong cơ sở tri thức"
    if c.date_problem:
        target += f" — ngày trích dẫn {c.date_problem} không có thật"
    return f"{where:>14} {line}  {target}"


def _central(args: argparse.Namespace) -> tuple[Checked, Document | None]:
    from .rules import is_central_policy

    checked = load_valid(args.data)
    doc = RefIndex(checked.corpus).resolve(args.ref)
    if not is_central_policy(checked.corpus, doc):
        print(
            f"{doc.symbol} ({doc.year or 'chưa rõ năm'}) không phải văn bản trung ương loại nghị quyết, kết luận, "
            "chỉ thị, quyết định, quy định, luật, pháp lệnh hay nghị định.",
            file=sys.stderr,
        )
        return checked, None
    return checked, doc


def cmd_pack(args: argparse.Namespace) -> int:
    from .site.packs import pack_pdf_html
    from .site.pdf import render_pdf
    from .studypack import study_pack

    if _ref_refused(args.ref):
        return 2
    checked, doc = _central(args)
    if doc is None:
        return 1
    pack = study_pack(checked.corpus, checked.graph, doc)
    if not args.pdf and not args.html:
        print(f"{doc.symbol}: {len(pack.chain)} văn bản trong chuỗi thực hiện. Dùng --pdf FILE hoặc --html FILE.")
        return 0
    if args.html:
        write_output(Path(args.html), pack_pdf_html(pack))
        print(f"Đã ghi {args.html}")
    if args.pdf:
        write_output(Path(args.pdf), render_pdf(pack_pdf_html(pack)))
        print(f"Đã ghi {args.pdf}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .site.packs import report_csv
    from .studypack import implementation_report

    if _ref_refused(args.ref):
        return 2
    checked, doc = _central(args)
    if doc is None:
        return 1
    report = implementation_report(checked.corpus, checked.graph, doc)
    if args.csv:
        table = report_csv(report)
        if args.csv == "-":
            print(table, end="")
        else:
            write_output(Path(args.csv), table)
            print(f"Đã ghi {args.csv}")
        return 0
    print(_headline(checked.corpus, doc))
    for row in report.rows:
        first = row.documents[0]
        days = f"sau {row.days} ngày" if row.days is not None else "chưa rõ số ngày"
        print(f"  {row.place}: {len(row.documents)} văn bản; đầu tiên {first.symbol} {plain_date(first.date)} ({days})")
    if report.missing:
        print("  Chưa có văn bản trong cơ sở tri thức: " + ", ".join(report.missing))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import export

    corpus = load_valid(args.data).corpus
    if args.format == "csv":
        if not args.out:
            print("Dạng csv cần --out TIỀN_TỐ: ghi TIỀN_TỐ-documents.csv và TIỀN_TỐ-relations.csv.", file=sys.stderr)
            return 1
        documents, relations = export.to_csv(corpus)
        for suffix, text in (("documents", documents), ("relations", relations)):
            write_output(Path(f"{args.out}-{suffix}.csv"), text)
        print(f"Đã ghi {args.out}-documents.csv, {args.out}-relations.csv")
        return 0
    text = {"json": export.to_json, "graphml": export.to_graphml, "jsonld": export.to_jsonld}[args.format](corpus)
    if args.out:
        write_output(Path(args.out), text)
        print(f"Đã ghi {args.out}")
    else:
        print(text)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from .checks import uncertain_summary
    from .review import drafts

    checked = check(args.data, citations=False)
    items = drafts(checked.corpus)
    print(f"{len(items)} bản nháp chưa được xem xét" + (":\n" if items else "."))
    for item in items:
        doc, draft = item.doc, item.doc.draft
        assert draft is not None
        print(f"{doc.id} — {vocab.DOC_TYPES[doc.type].label} {doc.symbol}, {plain_date(doc.date)}")
        print(f"  tệp: {doc.file}" + (f":{draft.line}" if draft.line else ""))
        source = f" từ {draft.file}" if draft.file else ""
        when = f", nhập ngày {plain_date(draft.ingested)}" if draft.ingested else ""
        print(f"  đọc bằng {draft.reader}{source}{when}")
        if doc.originals:
            print("  bản gốc: " + ", ".join(f"originals/{name}" for name in doc.originals))
        print("  " + uncertain_summary(draft))
        if not item.issuer_known:
            printed = f" (đầu văn bản ghi: {draft.issuer_text})" if draft.issuer_text else ""
            print(f"  cơ quan ban hành: chưa xác định{printed}; ghi `issuer:` trước khi xác nhận")
        print(f"  quan hệ gợi ý: {len(draft.relations)}\n")
    if items:
        print(
            "Đối chiếu từng bản nháp với bản gốc, sửa tệp YAML, rồi chạy `vanban accept ID` (cả văn bản đã xem xét) "
            "hoặc `vanban accept ID TRƯỜNG…` (bỏ dấu cần xem lại của từng trường)."
        )
    errors = sum(p.severity == ERROR for p in checked.problems)
    if errors:
        print(f"\nDữ liệu còn {errors} lỗi (tệp có lỗi không được liệt kê): chạy `vanban check`.", file=sys.stderr)
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from .review import ReviewError, UnknownDraftField, accept

    if _ref_refused(args.id):
        return 2
    try:
        done = accept(args.data, args.id, args.fields)
    except ReviewError as exc:
        print(f"Không xác nhận: {exc}.\nTệp không bị thay đổi.", file=sys.stderr)
        return 2 if isinstance(exc, UnknownDraftField) else 1
    if done.reviewed:
        print(f"Đã bỏ khối draft của {done.doc_id} ({done.file}): văn bản đã được xem xét.")
        for kind, target, cited in done.dropped:
            print(f"  bỏ quan hệ gợi ý: {kind} → {target or cited} («{cited}»); nếu đúng, ghi nó vào relations:")
    else:
        print(f"Đã xác nhận {', '.join(done.fields)} của {done.doc_id} ({done.file}).")
        if done.remaining:
            print(f"  Còn cần xem lại: {', '.join(done.remaining)}.")
        print(f"  Văn bản vẫn là bản nháp cho tới khi chạy `vanban accept {done.doc_id}`.")
    print("Chạy `vanban check` để kiểm tra lại.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import document_json_schema_text

    print(document_json_schema_text(), end="")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .warm import build_again

    start = time.perf_counter()
    report = build_again(
        args.data,
        args.out,
        strict=args.strict,
        progress=_progress(start),
        pdf_packs=args.pdf_packs,
        clean=args.clean,
        jobs=args.jobs,
    )
    if report.unchanged:
        print(
            f"Không có gì thay đổi kể từ lần dựng trước ({time.perf_counter() - start:.1f} s): giữ nguyên "
            f"{args.out}/index.html ({report.documents} văn bản, {report.pages} trang; --clean để dựng lại)"
        )
        return 0
    print(
        f"Xong: {report.documents} văn bản, {report.pages} trang, {report.data_files} tệp dữ liệu, "
        f"{time.perf_counter() - start:.1f} s → {args.out}/index.html"
    )
    if report.data_peak_mb:
        print(f"(tiến trình ghi dữ liệu: đỉnh bộ nhớ {report.data_peak_mb:.0f} MB)")
    return 0


def _progress(start: float) -> Callable[[str], None]:
    def show(message: str) -> None:
        print(f"[{time.perf_counter() - start:6.1f} s] {message}", flush=True)

    return show


def cmd_serve(args: argparse.Namespace) -> int:
    from .live import LiveState, Rebuilder, problems_of, serve_forever, watch
    from .pipeline import CACHE, BuildReport, site_sources
    from .warm import WarmBuild, state_file

    start = time.perf_counter()
    state = LiveState()

    # Watching: after the first build, an edit of the data makes again only what it changed (warm.py); the first
    # build takes up what the last `build` or `serve` of this site kept, and the state is kept again on the way out.
    warm = (
        None if args.no_watch else WarmBuild(args.data, args.out, pdf_packs=args.pdf_packs, shown=state.pages_changed)
    )
    kept = state_file(CACHE, args.out)
    if warm is not None and not args.no_build:
        warm.restore(kept)

    def build() -> BuildReport:
        progress = _progress(time.perf_counter())
        if warm is None:
            return build_site(args.data, args.out, progress=progress, pdf_packs=args.pdf_packs)
        warm.progress = progress
        return warm()

    def done(message: str, problems: list[dict[str, str]]) -> None:
        print(f"[{time.perf_counter() - start:6.1f} s] {message}", flush=True)
        for p in problems:
            where = f"{p['where']} [{p['field']}] " if p["field"] else (f"{p['where']} " if p["where"] else "")
            print(f"  {where}{p['message']}" + (f" — {p['hint']}" if p["hint"] else ""), file=sys.stderr)

    rebuilder = Rebuilder(build, state, done)
    if not args.no_build:
        try:
            build()
        except (DataError, BuildError) as exc:
            if not (Path(args.out) / "index.html").is_file():
                raise  # nothing to serve yet: the problems are printed and serve stops
            state.problems = problems_of(exc)  # the last good site is served, the problems shown over it
            done("dựng thất bại; phục vụ trang dựng lần trước", state.problems)
    site = served_site(args.out)  # refuses a folder of files that is not a site: serving would publish them
    if not (site / "index.html").exists():
        print(f"Chưa có trang web trong {args.out}; chạy `python build_graph.py build` trước.", file=sys.stderr)
        return 1
    observer = None
    if not args.no_watch:
        observer = watch(site_sources(args.data), rebuilder.changed)
        rebuilder.start()

    def started(server: Any) -> None:
        follow = "" if args.no_watch else "; sửa dữ liệu là trang tự dựng lại và tải lại"
        print(f"Trang web: http://127.0.0.1:{server.server_address[1]}/  (Ctrl+C để dừng{follow})", flush=True)

    try:
        serve_forever(site, args.port, state, started)
    finally:
        settled = True
        if observer is not None:
            observer.stop()
            settled = rebuilder.stop()
        if warm is not None:
            try:
                if not settled:
                    kept.unlink(missing_ok=True)  # a build still running: its state is half made
                elif warm.state is not None:  # serve built (or took up a state): kept for the next build
                    warm.save(kept)
            finally:
                warm.close()
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest.model import Limits
    from .ingest.run import REFUSED, UNREAD, Progress, StoreError, ingest

    limits = Limits(
        max_bytes=int(args.max_mb * 1_000_000), max_pages=args.max_pages, seconds=args.timeout, ocr_jobs=args.jobs
    )
    shown = sys.stderr.isatty() and not args.json

    def progress(p: Progress) -> None:
        if shown:
            left = f", còn khoảng {p.seconds_left:.0f} giây" if p.seconds_left is not None else ""
            print(f"\r  {p.files_done}/{p.files_total} tệp, {p.pages_ocr} trang OCR{left}   ", end="", file=sys.stderr)

    try:
        outcomes = ingest([Path(p) for p in args.paths], Path(args.data), limits, progress=progress)
    except StoreError as exc:
        print(f"Không ghi được vào thư mục dữ liệu: {exc}\nKhông có gì bị ghi.", file=sys.stderr)
        return 2
    if shown:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps([_outcome_json(o) for o in outcomes], ensure_ascii=False, indent=2))
    else:
        for o in outcomes:
            print(_outcome_line(o))
        print(_ingest_summary(outcomes))
    return 1 if any(o.status in (REFUSED, UNREAD) for o in outcomes) else 0


_OUTCOME_MARK = {"added": "+", "present": "=", "completed": "≈", "refused": "!", "unread": "?"}


def _outcome_line(o: Any) -> str:
    head = f"{_OUTCOME_MARK[o.status]} {o.doc_id or o.file}"
    if o.status in ("refused", "unread"):
        return f"{head}: {o.message}. Cách xử lý: {o.fix}."
    if o.status != "added":
        return f"{head} ({o.file}): {o.message}"
    review = "; ".join(f"{name} ({why})" if why else name for name, why in o.uncertain)
    fields = ", ".join(o.fields)
    tail = f"; cần xem lại: {review}" if review else "; không trường nào cần xem lại"
    relations = f"; {o.relations} quan hệ gợi ý" if o.relations else ""
    return f"{head} ({o.file}, {o.reader}): đọc {fields}{tail}{relations}"


def _outcome_json(o: Any) -> dict[str, Any]:
    return {
        "file": o.file,
        "status": o.status,
        "id": o.doc_id,
        "message": o.message,
        "fix": o.fix or None,
        "reader": o.reader or None,
        "fields": list(o.fields),
        "review": [{"field": name, "reason": why} for name, why in o.uncertain],
        "relations_suggested": o.relations,
    }


def _ingest_summary(outcomes: list[Any]) -> str:
    count = {k: sum(1 for o in outcomes if o.status == k) for k in _OUTCOME_MARK}
    files = len({o.file for o in outcomes})
    return (
        f"{files} tệp: {count['added']} bản nháp mới, {count['present']} đã có, "
        f"{count['completed']} đã có và được bổ sung, "
        f"{count['refused']} tệp không đọc được, {count['unread']} văn bản không đọc được số ký hiệu."
    )
