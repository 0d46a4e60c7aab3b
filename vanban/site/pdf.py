"""PDF from HTML with WeasyPrint; Vietnamese needs a font with its letters (DejaVu Sans)."""

from __future__ import annotations

from ..problems import BuildError


def render_pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise BuildError(f"không tạo được PDF: WeasyPrint chưa sẵn sàng ({exc}); chạy `make setup`") from None
    pdf: bytes = HTML(string=html).write_pdf()  # WeasyPrint ships no type hints
    return pdf
