"""Graph sections of document pages, the global graph page, and the legend they share."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from .. import vocab
from ..model import Corpus, Document
from .graph_data import LEVEL_SHAPES, vocab_payload
from .html import e
from .paths import href

if TYPE_CHECKING:
    import networkx as nx

GRAPH_PAGE = "do-thi.md"
SHAPE_MARKS = {"diamond": "◆", "ellipse": "●", "triangle": "▲", "rectangle": "■", "hexagon": "⬢"}


def global_scripts(page: str) -> str:
    """The global graph draws itself (vanban-globalgraph.js): no graph library to load."""
    return (
        f'<script src="{e(href(page, "assets/javascripts/vanban-loader.js"))}"></script>\n'
        f'<script src="{e(href(page, "assets/javascripts/vanban-globalgraph.js"))}"></script>'
    )


def scripts(page: str) -> str:
    # The loader is also in mkdocs.yml's extra_javascript, but that comes after the page content.
    return (
        f'<script src="{e(href(page, "assets/vendor/cytoscape.min.js"))}"></script>\n'
        f'<script src="{e(href(page, "assets/javascripts/vanban-loader.js"))}"></script>\n'
        f'<script src="{e(href(page, "assets/javascripts/vanban-graph.js"))}"></script>'
    )


def legend(types: Collection[str] | None = None, levels: Collection[str] | None = None, size: bool = False) -> str:
    v = vocab_payload()
    type_items = "".join(
        f'<li><span class="vb-swatch" style="background:{t["colour"]}"></span>{e(t["label"])}</li>'
        for k, t in v["types"].items()
        if types is None or k in types
    )
    level_items = "".join(
        f'<li><span class="vb-shape">{SHAPE_MARKS[LEVEL_SHAPES[k]]}</span>{e(lv["label"])}</li>'
        for k, lv in v["levels"].items()
        if (k in levels if levels is not None else k != vocab.UNKNOWN)  # "chưa rõ" only where it is drawn
    )
    rel_items = "".join(
        f'<li><span class="vb-line" style="border-top:3px {r["line"]} {r["colour"]}"></span>{e(r["label"])}</li>'
        for r in v["relations"].values()
    )
    return (
        '<details class="vb-legend"><summary>Chú giải</summary>'
        f"<div><strong>Loại văn bản (màu)</strong><ul>{type_items}</ul></div>"
        f"<div><strong>Cấp ban hành (hình)</strong><ul>{level_items}</ul></div>"
        f"<div><strong>Quan hệ (đường, mũi tên từ văn bản tác động)</strong><ul>{rel_items}</ul></div>"
        + (
            "<div><strong>Kích thước</strong><ul><li>Dấu càng lớn, văn bản càng nhiều quan hệ; khi thu nhỏ, "
            "chỉ văn bản nhiều quan hệ nhất có tên</li></ul></div>"
            if size
            else ""
        )
        + "</details>"
    )


@functools.cache
def _local_legend() -> str:
    """The legend of every local graph: the same on every document page (made once, not 10,000 times)."""
    return legend()


def local_section(doc: Document, page: str, neighbours: int) -> str:
    if not neighbours:
        return ""
    depth = "".join(f'<option value="{d}"{" selected" if d == 2 else ""}>{d}</option>' for d in (1, 2, 3))
    return (
        f'<div class="vb-graph" data-graph="local" data-doc="{e(doc.id)}" data-state="loading">'
        f'<div class="vb-graph-tools"><label>Độ sâu <select name="depth">{depth}</select></label> '
        '<span class="vb-graph-note">Đang tải đồ thị…</span></div>'
        f'<div class="vb-graph-canvas" role="img" aria-label="Đồ thị quan hệ của {e(doc.symbol)}. '
        'Danh sách quan hệ ở mục trên là bản văn bản của đồ thị này."></div>'
        '<p class="vb-graph-help">Bấm vào một văn bản để mở trang của nó; di chuột để xem số ký hiệu, '
        "ngày và trích yếu. Mục Quan hệ ở trên liệt kê đầy đủ cùng nội dung.</p>"
        f"{_local_legend()}</div>"
    )


def impl_section(doc: Document) -> str:
    return (
        f'<div class="vb-graph vb-graph-impl" data-graph="impl" data-doc="{e(doc.id)}" data-state="loading">'
        '<span class="vb-graph-note"></span>'
        f'<div class="vb-graph-canvas" role="img" aria-label="Sơ đồ thực hiện {e(doc.symbol)}, '
        'theo từng bước, kèm số ngày giữa các bước"></div></div>'
    )


def render_graph_page(corpus: Corpus) -> str:
    from .html import DATE_CONTROL, front_matter
    from .mdraw import raw

    types = sorted({d.type for d in corpus.documents.values()}, key=list(vocab.DOC_TYPES).index)
    levels = [k for k in vocab.LEVEL_LABELS if any(i.level == k for i in corpus.issuers.values())]

    def boxes(name: str, items: Iterable[tuple[str, str]]) -> str:
        return "".join(
            f'<label><input type="checkbox" name="{name}" value="{e(k)}" checked> {e(label)}</label>'
            for k, label in items
        )

    relations = boxes("relation", [(k, r.label) for k, r in vocab.RELATION_TYPES.items()])
    type_boxes = boxes("type", [(k, vocab.DOC_TYPES[k].label) for k in types])
    level_boxes = boxes("level", [(k, vocab.LEVEL_LABELS[k]) for k in levels])
    form = (
        '<form id="vb-graph-filters" class="vb-graph-filters">'
        f"<fieldset><legend>Quan hệ</legend>{relations}</fieldset>"
        f"<fieldset><legend>Loại văn bản</legend>{type_boxes}</fieldset>"
        f"<fieldset><legend>Cấp ban hành</legend>{level_boxes}</fieldset>"
        "<fieldset><legend>Năm và chủ đề</legend>"
        '<label>từ <input name="from" type="number" min="1900" max="2100"></label> '
        '<label>đến <input name="to" type="number" min="1900" max="2100"></label> '
        '<label>Chủ đề <select name="topic"><option value="">Tất cả</option></select></label></fieldset>'
        '<fieldset><legend>Tìm một văn bản</legend><input name="focus" type="search" placeholder="25-NQ/TW">'
        ' <button type="submit" class="md-button">Tìm trên đồ thị</button></fieldset></form>'
    )
    body = (
        "<h1>Đồ thị văn bản</h1>\n"
        "<p>Mọi văn bản và quan hệ giữa chúng: trục ngang là thời gian, văn bản trung ương ở trên, văn "
        "bản địa phương ở dưới theo từng tỉnh; văn bản càng nhiều quan hệ, dấu càng lớn và tên càng sớm hiện. "
        "Lọc theo quan hệ, loại, cấp, năm, chủ đề; bấm vào một văn bản để mở trang của nó.</p>\n"
        + form
        + DATE_CONTROL
        + '\n<p id="vb-graph-status" class="vb-graph-status" aria-live="polite">Đang tải…</p>\n'
        '<div class="vb-graph vb-graph-global" data-graph="global" data-state="loading">'
        '<div class="vb-graph-canvas"></div></div>\n'
        + legend(set(types), set(levels), size=True)
        + "\n"
        + global_scripts(GRAPH_PAGE)
    )
    return front_matter("Đồ thị văn bản", hide=("navigation", "toc")) + raw(body) + "\n"


def neighbour_count(graph: nx.MultiDiGraph[str], doc_id: str) -> int:
    return len(set(graph.predecessors(doc_id)) | set(graph.successors(doc_id)))
