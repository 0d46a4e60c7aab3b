"""Link graphs in headless Chromium: neighbours, navigation, hover, the implementation view, the
global page and its filters; and the build's use of the npm-installed library."""

from __future__ import annotations

import pytest

from vanban.problems import BuildError
from vanban.site.build import vendor_files

DEPTH_1 = {"25-nq-tw-2013", "160-bc-tu-hau-giang-2017", "43-kl-tw-2019", "23-ctr-tu-ha-noi-khong-ro-nam"}
DEPTH_2 = DEPTH_1 | {
    "114-kl-tw-2015",
    "04-nq-tw-2016",
    "34-2007-pl-ubtvqh11",
    "218-qd-tw-2013",
    "79-ct-tu-hau-giang-2017",
    "1185-ubnd-th-hau-giang-2017",
    "217-qd-tw-2013",
    "16-ct-ttg-2016",
    "02-cv-bdvtw-2017",
    "05-ct-tw-2016",
    "290-qd-tw-2010",
}


def open_graph(page, url: str, kind: str):
    page.page.goto(url)
    page.page.wait_for_selector(f".vb-graph[data-graph={kind}][data-state=ready]", timeout=15_000)
    return page.page


def node_ids(p, kind: str) -> set[str]:
    if kind == "global":  # vanban's own canvas: the ids of the documents the filters show
        return set(p.evaluate("VB_GRAPH.instances.global.nodes()"))
    return set(p.evaluate(f"VB_GRAPH.instances.{kind}.nodes().map(n => n.id())"))


def click_node(p, kind: str, node_id: str, action="click"):
    canvas = p.locator(f".vb-graph[data-graph={kind}] .vb-graph-canvas")
    # Centred, so that Material's sticky header cannot lie over the node and take the click.
    canvas.evaluate(
        "el => el.scrollIntoView({block: 'center', behavior: 'instant'})"
    )  # measured after, not during, a scroll
    # Cytoscape caches where its canvas is on screen and forgets it on the page's "scroll" event,
    # which the browser dispatches with the next frame: let a frame pass before moving the mouse.
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    box = canvas.bounding_box()
    x, y = p.evaluate(
        "([kind, id]) => { const r = VB_GRAPH.instances[kind].getElementById(id).renderedPosition();"
        " return [r.x, r.y]; }",
        [kind, node_id],
    )
    under = p.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.vb-graph-canvas') !== null", [box["x"] + x, box["y"] + y]
    )
    assert under, "the node is covered by something else on the page"
    # As a person does: move onto the node, see its card, then click.
    p.mouse.move(box["x"] + x, box["y"] + y)
    p.locator(f".vb-graph[data-graph={kind}] .vb-graph-tip").wait_for(state="visible")
    if action == "click":
        p.mouse.click(box["x"] + x, box["y"] + y)


def test_graph_of_25_nq_tw_shows_its_neighbours_and_depth_can_change(page, site_url):
    p = open_graph(page, f"{site_url}/van-ban/25-nq-tw-2013.html", "local")
    assert node_ids(p, "local") == DEPTH_2
    p.select_option(".vb-graph[data-graph=local] select[name=depth]", "1")
    assert node_ids(p, "local") == DEPTH_1
    edges = p.evaluate("VB_GRAPH.instances.local.edges().map(e => [e.source().id(), e.target().id(), e.data('type')])")
    assert ["160-bc-tu-hau-giang-2017", "25-nq-tw-2013", "bao-cao-ket-qua"] in edges  # direction: acting → target
    assert ["43-kl-tw-2019", "25-nq-tw-2013", "tiep-tuc-thuc-hien"] in edges
    assert p.evaluate("VB_GRAPH.instances.local.getElementById('25-nq-tw-2013').hasClass('root')")
    assert page.errors == [] and page.off_machine() == []


def test_nodes_are_coloured_by_type_and_shaped_by_level(page, site_url):
    p = open_graph(page, f"{site_url}/van-ban/25-nq-tw-2013.html", "local")
    style = p.evaluate("""(() => { const g = VB_GRAPH.instances.local; const s = id => g.getElementById(id);
        return [s('25-nq-tw-2013').style('shape'), s('160-bc-tu-hau-giang-2017').style('shape'),
                s('25-nq-tw-2013').style('background-color'), s('43-kl-tw-2019').style('background-color'),
                s('160-bc-tu-hau-giang-2017').style('background-color')]; })()""")
    assert style[0] == "diamond" and style[1] == "ellipse"  # trung ương, tỉnh
    assert len({style[2], style[3], style[4]}) == 3  # Nghị quyết, Kết luận, Báo cáo
    legend = p.locator(".vb-graph[data-graph=local] .vb-legend")
    legend.locator("summary").click()
    assert "Báo cáo kết quả thực hiện" in legend.inner_text() and "Trung ương" in legend.inner_text()


def test_hovering_a_node_shows_symbol_date_and_title(page, site_url):
    p = open_graph(page, f"{site_url}/van-ban/25-nq-tw-2013.html", "local")
    click_node(p, "local", "160-bc-tu-hau-giang-2017", action="hover")
    tip = p.locator(".vb-graph[data-graph=local] .vb-graph-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("160-BC/TU · 22/06/2017")
    assert "Kết quả công tác dân vận" in tip.inner_text()


def test_clicking_a_node_opens_its_page(page, site_url):
    p = open_graph(page, f"{site_url}/van-ban/25-nq-tw-2013.html", "local")
    click_node(p, "local", "160-bc-tu-hau-giang-2017")
    p.wait_for_url("**/van-ban/160-bc-tu-hau-giang-2017.html")
    assert p.locator("h1").first.inner_text().startswith("Báo cáo 160-BC/TU")
    assert page.errors == [] and page.off_machine() == []


def test_implementation_view_has_layers_and_days(page, site_url):
    p = open_graph(page, f"{site_url}/van-ban/04-nq-tw-2016.html", "impl")
    labels = dict(p.evaluate("VB_GRAPH.instances.impl.edges().map(e => [e.source().id(), e.data('label')])"))
    assert labels["79-ct-tu-hau-giang-2017"] == "100 ngày · thực hiện, triển khai"
    assert labels["160-bc-tu-hau-giang-2017"] == "235 ngày · báo cáo kết quả thực hiện"
    assert labels["1185-ubnd-th-hau-giang-2017"] == "21 ngày · thực hiện, triển khai"
    ys = p.evaluate(
        "(() => { const g = VB_GRAPH.instances.impl; const y = id => g.getElementById(id).position('y');"
        " return [y('04-nq-tw-2016'), y('160-bc-tu-hau-giang-2017'), y('1185-ubnd-th-hau-giang-2017')]; })()"
    )
    assert ys[0] < ys[1] < ys[2]  # one layer per step down the chain
    assert page.errors == []


def test_global_graph_filters_focus_and_legend(page, site_url):
    p = open_graph(page, f"{site_url}/do-thi.html", "global")
    assert len(node_ids(p, "global")) == 25
    assert p.locator("#vb-graph-status").inner_text().startswith("25 văn bản, 24 quan hệ")
    p.locator("input[name=level][value=tinh]").uncheck()
    assert "23-ctr-tu-ha-noi-khong-ro-nam" not in node_ids(p, "global")
    assert len(node_ids(p, "global")) == 18  # 25 less the 7 provincial documents
    p.locator("input[name=relation][value=thay-the]").uncheck()
    edges = p.evaluate("VB_GRAPH.instances.global.edges()")
    assert "thay-the" not in edges
    p.fill("input[name=from]", "2013")
    p.fill("input[name=to]", "2013")
    p.locator("input[name=to]").dispatch_event("change")
    assert node_ids(p, "global") == {"25-nq-tw-2013", "217-qd-tw-2013", "218-qd-tw-2013"}
    p.fill("input[name=focus]", "16/CT-TTg")
    p.locator("#vb-graph-filters button[type=submit]").click()
    p.wait_for_function("VB_GRAPH.instances.global.focused() !== null")
    assert p.evaluate("VB_GRAPH.instances.global.focused()") == "16-ct-ttg-2016"
    assert "16/CT-TTg (2016)" in p.locator("#vb-graph-status").inner_text()
    assert "Chú giải" in p.locator(".vb-legend").last.inner_text()
    assert page.errors == [] and page.off_machine() == []


def test_graphs_work_from_a_folder(page, corpus_site, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(corpus_site, copy)
    p = open_graph(page, (copy / "van-ban" / "25-nq-tw-2013.html").as_uri(), "local")
    assert node_ids(p, "local") == DEPTH_2
    p = open_graph(page, (copy / "do-thi.html").as_uri(), "global")
    assert len(node_ids(p, "global")) == 25
    assert page.off_machine() == []


def test_the_library_comes_from_node_modules_or_the_build_says_how(tmp_path):
    with pytest.raises(BuildError, match="npm ci"):
        list(vendor_files(tmp_path))


def test_the_site_carries_its_own_copy_of_cytoscape(corpus_site):
    copy = (corpus_site / "assets" / "vendor" / "cytoscape.min.js").read_text(encoding="utf-8")
    assert "cytoscape" in copy[:2000].lower() and len(copy) > 100_000


def test_global_graph_fills_the_window_with_labels_that_never_overlap(page, site_url):
    page.page.set_viewport_size({"width": 1366, "height": 768})
    p = open_graph(page, f"{site_url}/do-thi.html", "global")
    assert not p.locator(".md-sidebar--primary").is_visible()  # the navigation folded away
    canvas = p.locator(".vb-graph[data-graph=global] canvas").bounding_box()
    assert canvas["width"] >= 1300 and canvas["height"] >= 768 - 80  # the window, less its header
    labels = p.evaluate("VB_GRAPH.instances.global.labels()")
    assert len(labels) >= 15
    boxes = [label["box"] for label in labels]  # [x, y, width, height] on the canvas
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, (labels[i], (x2, y2))
    assert page.errors == []


def test_global_graph_hover_shows_the_card_and_a_click_opens_the_page(page, site_url):
    p = open_graph(page, f"{site_url}/do-thi.html", "global")
    canvas = p.locator(".vb-graph[data-graph=global] canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y = p.evaluate("VB_GRAPH.instances.global.screen('25-nq-tw-2013')")
    p.mouse.move(box["x"] + x, box["y"] + y)
    tip = p.locator(".vb-graph[data-graph=global] .vb-graph-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("25-NQ/TW · 03/06/2013")
    p.mouse.click(box["x"] + x, box["y"] + y)
    p.wait_for_url("**/van-ban/25-nq-tw-2013.html")
    assert page.errors == []


def test_global_graph_moves_with_the_keyboard(page, site_url):
    p = open_graph(page, f"{site_url}/do-thi.html", "global")
    before = p.evaluate("[VB_GRAPH.instances.global.view.scale, VB_GRAPH.instances.global.view.tx]")
    p.locator(".vb-graph[data-graph=global] canvas").focus()
    p.keyboard.press("+")
    p.keyboard.press("ArrowLeft")
    after = p.evaluate("[VB_GRAPH.instances.global.view.scale, VB_GRAPH.instances.global.view.tx]")
    assert after[0] > before[0] and after[1] != before[1]
    p.keyboard.press("0")  # the whole corpus again
    assert p.evaluate("VB_GRAPH.instances.global.view.scale") == pytest.approx(before[0])


def test_global_graph_draws_every_document_of_a_corpus_larger_than_the_old_cap(page, serve, tmp_path):
    """Every document, not the 800 most connected that the cytoscape page showed."""
    from benchmarks.generate import generate
    from vanban.pipeline import build_site

    generate(1200, tmp_path / "data")
    build_site(tmp_path / "data", tmp_path / "site", pdf_packs=0, cache=None)
    p = open_graph(page, f"{serve(tmp_path / 'site')}/do-thi.html", "global")
    assert len(node_ids(p, "global")) == 1200
    assert p.locator("#vb-graph-status").inner_text().startswith("1200 văn bản")
    assert page.errors == []


def test_the_wheel_scrolls_the_page_until_the_graph_is_clicked(page, site_url):
    p = open_graph(page, f"{site_url}/do-thi.html", "global")
    canvas = p.locator(".vb-graph[data-graph=global] canvas")
    box = canvas.bounding_box()
    scale = p.evaluate("VB_GRAPH.instances.global.view.scale")
    p.mouse.move(box["x"] + 200, box["y"] + 200)
    p.mouse.wheel(0, 300)
    p.wait_for_timeout(200)
    assert p.evaluate("VB_GRAPH.instances.global.view.scale") == scale  # not zoomed: the page scrolled
    canvas.click(position={"x": 5, "y": 5})
    p.mouse.wheel(0, -300)
    p.wait_for_timeout(200)
    assert p.evaluate("VB_GRAPH.instances.global.view.scale") > scale
