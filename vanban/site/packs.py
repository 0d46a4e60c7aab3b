"""Study packs and implementation reports as pages, PDF sources and CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable

from .. import vocab
from ..model import Document
from ..rules import Status
from ..studypack import UNKNOWN_PLACE, ImplementationReport, ReportRow, StudyPack
from .html import e, front_matter
from .mdraw import raw
from .paths import doc_path, href, safe

PACK_DIR = "hoc-tap"
REPORT_DIR = "bao-cao-thuc-hien"
PDF_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages);
  font-size: 8pt; color: #666; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; } .vb-title { font-size: 11pt; } .muted { color: #555; }
.vb-unverified { border: 1px dashed #b07000; padding: 0 2pt; font-size: 8pt; }
.status { color: #8a1c12; font-weight: bold; }
.sym { white-space: nowrap; } td:first-child { width: 32%; }
"""

Link = Callable[[Document], str]


def pack_path(doc_id: str) -> str:
    return f"{PACK_DIR}/{safe(doc_id)}.md"


def report_path(doc_id: str) -> str:
    return f"{REPORT_DIR}/{safe(doc_id)}.md"


def _label(doc: Document, link: Link | None) -> str:
    # A symbol never breaks across lines: "1185/" and "UBND-TH" apart would be misquoted.
    text = (
        f'{e(vocab.DOC_TYPES[doc.type].label)} <span class="sym">{e(doc.symbol)}</span> '
        f"({e(str(doc.year or 'chưa rõ năm'))})"
    )
    return f'<a href="{e(link(doc))}">{text}</a>' if link else text


def _flag(doc: Document, field: str) -> str:
    return ' <span class="vb-unverified">chưa xác minh</span>' if doc.is_unverified(field) else ""


def pack_body(pack: StudyPack, link: Link | None) -> str:
    doc = pack.doc
    head = [
        f"<h1>Tài liệu học tập: {e(vocab.DOC_TYPES[doc.type].label)} {e(doc.symbol)} "
        f"({e(str(doc.year or 'chưa rõ năm'))})</h1>",
        f'<p class="vb-title">{e(doc.title) or "<em>Chưa rõ trích yếu</em>"}{_flag(doc, "title")}</p>',
        "<table><tbody>",
        f"<tr><th>Cơ quan ban hành</th><td>{e(pack.issuer)}{_flag(doc, 'issuer')}</td></tr>",
        f"<tr><th>Ngày ban hành</th><td>{e(doc.date.vietnamese() if doc.date else 'chưa rõ')}"
        f"{_flag(doc, 'date')}</td></tr>",
    ]
    if doc.term:
        head.append(f"<tr><th>Khóa</th><td>{e(doc.term)}</td></tr>")
    if doc.signer:
        head.append(
            f"<tr><th>Người ký</th><td>{e(', '.join(x for x in (doc.signer.capacity, doc.signer.name) if x))}"
            f"{_flag(doc, 'signer')}</td></tr>"
        )
    if doc.aliases:
        head.append(f"<tr><th>Tên gọi khác</th><td>{e('; '.join(doc.aliases))}</td></tr>")
    head.append(
        f'<tr><th>Tình trạng</th><td class="status">{e(pack.status)}</td></tr>'
        if pack.status
        else f"<tr><th>Tình trạng</th><td>{e(Status.NOTHING_RECORDED)}</td></tr>"
    )
    head.append("</tbody></table>")
    parts = ["\n".join(head)]
    if pack.key_points:
        parts.append("<h2>Nội dung chính</h2><ul>" + "".join(f"<li>{e(p)}</li>" for p in pack.key_points) + "</ul>")
    if pack.basis:
        parts.append(
            "<h2>Văn bản căn cứ, kế thừa</h2><ul>"
            + "".join(f"<li>{e(label)}: {_label(d, link)} — {e(d.title)}</li>" for label, d in pack.basis)
            + "</ul>"
        )
    parts.append(_chain(pack, link))
    if pack.questions:
        parts.append("<h2>Câu hỏi thảo luận</h2><ol>" + "".join(f"<li>{e(q)}</li>" for q in pack.questions) + "</ol>")
    parts.append('<h2>Nguồn</h2><ul class="muted">' + "".join(f"<li>{e(s)}</li>" for s in pack.sources) + "</ul>")
    return "\n".join(parts)


CHAIN_ON_PAGE = 200


def _chain(pack: StudyPack, link: Link | None) -> str:
    if not pack.chain:
        return "<h2>Chuỗi văn bản thực hiện</h2><p>Chưa có văn bản thực hiện nào trong cơ sở tri thức.</p>"
    rows = []
    # The page lists the first CHAIN_ON_PAGE steps (the page under 100 KB); the PDF (no link), every one.
    steps = pack.chain if link is None else pack.chain[:CHAIN_ON_PAGE]
    for step in steps:
        indent = "&nbsp;&nbsp;" * (step.depth - 1) + ("↳ " if step.depth > 1 else "")
        rel = vocab.RELATION_TYPES[step.relation].label
        flag = ' <span class="vb-unverified">quan hệ chưa xác minh</span>' if step.unverified else ""
        rows.append(
            f"<tr><td>{indent}{_label(step.doc, link)}{flag}</td>"
            f"<td>{e(step.doc.date.vietnamese() if step.doc.date else 'chưa rõ')}</td>"
            f"<td>{e(step.issuer)}</td><td>{e(rel)}</td>"
            f'<td>{"" if step.days is None else step.days}</td><td class="status">{e(step.status)}</td></tr>'
        )
    more = len(pack.chain) - len(steps)
    rest = (
        f"<p>… và {more} văn bản khác trong chuỗi: bản PDF và trang báo cáo tình hình thực hiện có đủ.</p>"
        if more
        else ""
    )
    return (
        "<h2>Chuỗi văn bản thực hiện</h2><table><thead><tr><th>Văn bản</th><th>Ngày</th><th>Cơ quan</th>"
        "<th>Quan hệ</th><th>Số ngày sau văn bản cấp trên</th><th>Tình trạng</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + rest
    )


def pack_page(pack: StudyPack, pdf: bool) -> str:
    page = pack_path(pack.doc.id)
    link = lambda d: href(page, doc_path(d.id))  # noqa: E731
    actions = ['<p class="vb-pack-actions">']
    if pdf:
        actions.append(f'<a class="md-button md-button--primary" href="{e(pack.doc.id)}.pdf" download>Tải bản PDF</a> ')
    actions.append('<button class="md-button" type="button" onclick="window.print()">In trang này</button> ')
    actions.append(
        f'<a class="md-button" href="{e(href(page, report_path(pack.doc.id)))}">Báo cáo tình hình thực hiện</a>'
    )
    if not pdf:
        actions.append(
            f'<br><span class="muted">Bản PDF: <code>python build_graph.py pack {e(pack.doc.id)} --pdf '
            f"{e(pack.doc.id)}.pdf</code>, hoặc dùng «In trang này» rồi chọn lưu thành PDF.</span>"
        )
    actions.append("</p>")
    return (
        front_matter(f"Tài liệu học tập {pack.doc.symbol} ({pack.doc.year or 'chưa rõ năm'})")
        + raw('<div class="vb-pack">' + pack_body(pack, link) + "\n" + "".join(actions) + "</div>")
        + "\n"
    )


def pack_pdf_html(pack: StudyPack) -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(pack.doc.symbol)}</title>'
        f"<style>{PDF_CSS}</style></head><body>{pack_body(pack, None)}"
        '<p class="muted">Tạo từ cơ sở tri thức vanban. Thông tin ghi «chưa xác minh» không dùng như dữ kiện.</p>'
        "</body></html>"
    )


def kinds(row: ReportRow) -> str:
    """The kinds of documents a place issued, most first: "Kế hoạch 2, Báo cáo 1"."""
    counted = Counter(vocab.DOC_TYPES[d.type].label for d in row.documents if d.type in vocab.DOC_TYPES)
    return ", ".join(f"{label} {n}" for label, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))


def coverage_table(report: ImplementationReport, link: Link | None, limit: int | None = None) -> str:
    """Which places carried the document out, with which kinds of documents, how many days after it: one row a
    place (the first `limit` of them, fastest first)."""
    merged = any(row.today for row in report.rows)
    rows = []
    for row in report.rows[:limit]:
        first = row.documents[0]
        now = f"<td>{e(row.today)}</td>" if merged else ""
        rows.append(
            f"<tr><td>{e(row.place)}</td>{now}<td>{e('; '.join(row.issuers))}</td><td>{e(kinds(row))}</td>"
            f"<td>{_label(first, link)}</td><td>{e(first.date.vietnamese() if first.date else 'chưa rõ')}</td>"
            f"<td>{'' if row.days is None else row.days}</td><td>{len(row.documents)}</td></tr>"
        )
    if not rows:
        return "<p>Chưa có văn bản thực hiện nào trong cơ sở tri thức.</p>"
    more = len(report.rows) - len(rows)
    return (
        '<div class="vb-scroll"><table class="vb-coverage"><thead><tr><th>Nơi</th>'
        + ("<th>Nay thuộc (từ 1/7/2025)</th>" if merged else "")
        + "<th>Cơ quan</th><th>Loại văn bản</th>"
        "<th>Văn bản đầu tiên</th><th>Ngày</th><th>Số ngày sau văn bản</th><th>Số văn bản</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
        + (f"<p>… và {more} nơi khác.</p>" if more > 0 else "")
    )


def by_province_today(report: ImplementationReport) -> str:
    """The places grouped by the province they are part of since the 2025 mergers: how many documents each
    province of today has, from which former provinces, and how soon the first came."""
    groups: dict[str, list[ReportRow]] = {}
    for row in report.rows:
        if row.local:
            groups.setdefault(row.today or row.place, []).append(row)
    if not any(row.today for row in report.rows):
        return ""
    rows = []
    for name, members in sorted(groups.items(), key=lambda kv: (min(_days(r) for r in kv[1]), kv[0])):
        days = [r.days for r in members if r.days is not None]
        rows.append(
            f"<tr><td>{e(name)}</td><td>{e('; '.join(r.place for r in members))}</td>"
            f"<td>{sum(len(r.documents) for r in members)}</td><td>{min(days) if days else ''}</td></tr>"
        )
    return (
        "<h2>Theo tỉnh, thành phố hiện nay</h2><p>Các nơi trên gộp theo tỉnh, thành phố sau sáp nhập (từ "
        "1/7/2025); mỗi văn bản vẫn mang tên địa phương và cơ quan ban hành của ngày ban hành.</p>"
        '<div class="vb-scroll"><table class="vb-coverage"><thead><tr><th>Tỉnh, thành phố hiện nay</th>'
        "<th>Gồm nơi có văn bản</th><th>Số văn bản</th><th>Nhanh nhất (số ngày)</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _days(row: ReportRow) -> int:
    return row.days if row.days is not None else 10**9


def places_with_documents(report: ImplementationReport) -> int:
    return sum(row.local for row in report.rows)


def report_body(report: ImplementationReport, link: Link | None) -> str:
    doc = report.doc
    table = coverage_table(report, link) + by_province_today(report)
    missing = (
        (
            "<h2>Chưa có văn bản trong cơ sở tri thức</h2><p>Các địa phương có trong dữ liệu nhưng chưa có văn bản "
            "thực hiện văn bản này (chỉ nói về dữ liệu hiện có, không phải về thực tế):</p><ul>"
            + "".join(f"<li>{e(m)}</li>" for m in report.missing)
            + "</ul>"
        )
        if report.missing
        else ""
    )
    figures = report_figures(report, link)
    unplaced = sum(len(row.documents) for row in report.rows if row.place == UNKNOWN_PLACE)
    unknown = f" (và {unplaced} văn bản chưa rõ nơi ban hành)" if unplaced else ""
    return (
        f"<h1>Tình hình thực hiện {e(vocab.DOC_TYPES[doc.type].label)} {e(doc.symbol)} "
        f"({e(str(doc.year or 'chưa rõ năm'))})</h1>"
        f'<p class="vb-title">{e(doc.title)}</p>'
        f"<p>{sum(row.place != UNKNOWN_PLACE for row in report.rows)} nơi có văn bản thực hiện{unknown}; "
        "số ngày tính từ ngày ban hành "
        f"{e(doc.date.vietnamese() if doc.date else 'chưa rõ')} đến văn bản đầu tiên của mỗi nơi.</p>"
        + table
        + figures
        + missing
    )


def report_figures(
    report: ImplementationReport, link: Link | None, limit: int | None = None, reported: bool = True
) -> str:
    """The figures the documents carrying it out give (reviews count models, meetings, people), by place; each
    with the document that gives it, as that document's page shows its sentence. `limit`: the first rows only,
    and how many more (a central document's page; its report, when it has one (`reported`), shows them all)."""
    rows = [
        f"<tr><td>{e(row.place)}</td><td>{_label(d, link)}</td><td>{e(f.label)}</td><td>{e(f.value)}</td></tr>"
        for row in report.rows
        for d in row.documents
        for f in d.figures
    ]
    if not rows:
        return ""
    more = len(rows) - limit if limit is not None and len(rows) > limit else 0
    rows = rows[: len(rows) - more]
    where = ", ở trang tình hình thực hiện" if reported else ""
    rest = f"<p>… và {more} số liệu khác{where}.</p>" if more else ""
    return (
        "<h2>Số liệu các văn bản thực hiện nêu</h2><p>Mỗi số liệu kèm câu nguyên văn trên trang của văn bản nêu "
        'nó.</p><div class="vb-scroll"><table class="vb-figures"><thead><tr><th>Nơi</th><th>Văn bản</th>'
        f"<th>Nội dung</th><th>Số liệu</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>{rest}"
    )


def report_page(report: ImplementationReport) -> str:
    page = report_path(report.doc.id)
    link = lambda d: href(page, doc_path(d.id))  # noqa: E731
    csv_link = (
        f'<p><a class="md-button" href="{e(report.doc.id)}.csv" download>Tải bảng CSV</a> '
        f'<a class="md-button" href="{e(href(page, pack_path(report.doc.id)))}">Tài liệu học tập</a></p>'
    )
    return (
        front_matter(f"Tình hình thực hiện {report.doc.symbol} ({report.doc.year or 'chưa rõ năm'})")
        + raw(report_body(report, link) + csv_link)
        + "\n"
    )


def report_csv(report: ImplementationReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # columns added later go at the end: those who read by position keep theirs
    first_columns = ["noi", "co_quan", "so_van_ban", "van_ban_dau_tien", "id", "ngay", "so_ngay", "tinh_trang"]
    writer.writerow([*first_columns, "loai_van_ban", "nay_thuoc"])
    for row in report.rows:
        first = row.documents[0]
        writer.writerow(
            [
                vocab.csv_text(row.place),
                vocab.csv_text("; ".join(row.issuers)),
                len(row.documents),
                vocab.csv_text(first.symbol),
                first.id,
                first.date.iso() if first.date else "",
                "" if row.days is None else row.days,
                "có văn bản",
                vocab.csv_text(kinds(row)),
                vocab.csv_text(row.today),
            ]
        )
    for place in report.missing:
        writer.writerow([vocab.csv_text(place), "", 0, "", "", "", "", "chưa có văn bản trong cơ sở tri thức", "", ""])
    return out.getvalue()
