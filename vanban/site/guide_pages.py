"""Pages of the authoring guide generated from the code's own tables, so they never drift from it.

- huong-dan/ma-van-de.md: every problem code (problems.CODES) with its severity, meaning, fix
  and an example;
- the hand-written guide gets its field and relation tables from the schema table at the markers
  it carries (schema.render_guide), when it is staged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..problems import CODES, ERROR, WARNING
from ..schema import render_guide
from .html import e, front_matter
from .mdraw import raw

CODES_PAGE = "huong-dan/ma-van-de.md"
GUIDE_PAGE = "huong-dan/them-van-ban.md"
_SEVERITY = {ERROR: "lỗi", WARNING: "cảnh báo"}


def problem_codes_page() -> str:
    rows = "\n".join(
        f'<tr id="{e(c.code)}"><td><code>{e(c.code)}</code></td><td>{e(_SEVERITY.get(c.severity, c.severity))}</td>'
        f"<td>{e(c.meaning)}</td><td>{e(c.fix)}</td><td><code>{e(c.example)}</code></td></tr>"
        for c in CODES.values()
    )
    title = "Mã vấn đề của lệnh check"
    intro = (
        "Lệnh <code>python build_graph.py check</code> báo mọi vấn đề một lần, mỗi vấn đề với tệp, dòng, "
        "trường, mã và cách sửa. Lỗi chặn việc dựng trang; cảnh báo chỉ chặn khi có <code>--strict</code>. "
        "Một cảnh báo đã xem xét có thể ghi nhận kèm lý do dưới <code>acknowledged:</code> của văn bản: "
        "nó vẫn hiện trên trang, dưới dạng ghi nhận."
    )
    table = (
        "<table><thead><tr><th>Mã</th><th>Mức</th><th>Ý nghĩa</th><th>Cách sửa</th><th>Ví dụ</th></tr></thead>"
        f"<tbody>\n{rows}\n</tbody></table>"
    )
    return front_matter(title) + raw(f"<h1>{e(title)}</h1>\n<p>{intro}</p>\n<p>{len(CODES)} mã.</p>\n{table}") + "\n"


def guide_pages() -> Iterator[tuple[str, str]]:
    yield CODES_PAGE, problem_codes_page()


# Hand-written pages that the build completes from the code's tables as it stages them.
HAND_WRITTEN_REWRITES: dict[str, Callable[[str], str]] = {GUIDE_PAGE: render_guide}
