"""PDFs of a report and of a period summary, with the handling label on every page.

Qt's own PDF writer (QPdfWriter) paints a QTextDocument page by page, with the TLP label in
the header and the footer of each page. Runs on the store worker (QPainter on a PDF device
and QTextDocument work off the UI thread); the file is written only where the person chose.
Printing is a dissemination: each PDF is recorded in the register with its label.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app import codelists
from app.audit import AuditTrail
from app.dashboard import DashboardFigures
from app.dissemination import DisseminationRegister, Method
from app.domain import tlp_rank
from app.history import HistoryEntry
from app.i18n import format_moment
from app.reports import ReportView
from storage.database import Database
from storage.users_repo import UserRecord
from ui import i18n
from ui.report_view import report_html
from ui.widgets import TLP_COLOURS

DPI = 300
MARGIN_MM = 15.0
BAND_MM = 9.0  # header and footer bands
TABLE = "<table border='1' cellspacing='0' cellpadding='3'>"

translate = QCoreApplication.translate  # lupdate collects translate("Context", "…")


def handling_label(tlp: str | None) -> str:
    return f"TLP:{tlp}" if tlp else "TLP:? " + translate("Pdf", "(not yet set: treat as TLP:RED)")


def write_pdf(path: Path, body_html: str, label: str, title: str) -> int:
    """Writes `body_html` to `path` as A4 pages, each with `label` at top and bottom.
    Returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("Outpost")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    px_per_mm = DPI / 25.4
    paint_rect = writer.pageLayout().paintRectPixels(DPI)
    width, height = float(paint_rect.width()), float(paint_rect.height())
    band = BAND_MM * px_per_mm
    body_height = height - 2 * band

    doc = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.documentLayout().setPaintDevice(writer)
    doc.setHtml(body_html)
    doc.setPageSize(QSizeF(width, body_height))
    pages = max(1, doc.pageCount())

    label_font = QFont("DejaVu Sans")
    label_font.setPointSizeF(9)
    label_font.setBold(True)
    colour = QColor(TLP_COLOURS.get(label.removeprefix("TLP:").split(" ")[0], "#FFFFFF"))

    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            _band(painter, label_font, colour, label, title, QRectF(0, 0, width, band * 0.8))
            footer = (
                translate("Pdf", "Page %1 of %2")
                .replace("%1", str(page + 1))
                .replace("%2", str(pages))
            )
            _band(
                painter,
                label_font,
                colour,
                label,
                footer,
                QRectF(0, height - band * 0.8, width, band * 0.8),
            )
            painter.save()
            painter.translate(0, band - page * body_height)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body_height, width, body_height)
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def _band(
    painter: QPainter, font: QFont, colour: QColor, label: str, text: str, rect: QRectF
) -> None:
    painter.save()
    painter.setFont(font)
    metrics_width = painter.fontMetrics().horizontalAdvance(label) + 40
    badge = QRectF(rect.left(), rect.top(), metrics_width, rect.height())
    painter.fillRect(badge, QColor("#000000"))
    painter.setPen(colour)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
    painter.setPen(QColor("#000000"))
    painter.drawText(
        rect.adjusted(metrics_width + 30, 0, 0, 0),
        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
        text,
    )
    painter.restore()


def report_pdf(
    db: Database,
    user: UserRecord,
    audit: AuditTrail,
    view: ReportView,
    history: list[HistoryEntry],
    path: Path,
    *,
    purpose: str,
) -> int:
    """A report as PDF, recorded in the dissemination register. Returns the page count."""
    tlp = (view.report.get("handling") or {}).get("tlp")
    released = [h.tlp for h in history if h.action == "approved" and h.tlp]
    if released:
        tlp = released[-1]  # the focal point's release label wins over the proposal
    label = handling_label(tlp)
    title = translate("Pdf", "Outpost report %1").replace("%1", view.report_id[:8])
    pages = write_pdf(path, report_html(view, history), label, title)
    DisseminationRegister(db, audit).record(
        actor=user.id,
        obj=view.report_id,
        recipient=translate("Pdf", "paper or PDF: %1").replace("%1", path.name),
        method=Method.PRINT,
        purpose=purpose,
        legal_basis=(view.report.get("handling") or {}).get("legal_basis"),
        tlp=tlp or "RED",
    )
    return pages


def strictest(labels: list[str | None]) -> str | None:
    known = [t for t in labels if t]
    return max(known, key=tlp_rank) if known else None


def _summary_words() -> dict[str, str]:
    """Headings, looked up here (lupdate cannot read translate() calls inside f-strings)."""
    return {
        "Period summary": translate("Pdf", "Period summary"),
        "reports": translate("Pdf", "reports"),
        "By kind": translate("Pdf", "By kind"),
        "By crossing point": translate("Pdf", "By crossing point"),
        "By nationality": translate("Pdf", "By nationality"),
        "Queue health": translate("Pdf", "Queue health"),
        "Reports": translate("Pdf", "Reports"),
    }


def summary_html(figures: DashboardFigures, views: list[ReportView], start: str, end: str) -> str:
    words = _summary_words()
    e = html.escape
    period = translate("Pdf", "Reports observed from %1 to %2")
    period = period.replace("%1", start).replace("%2", end)
    parts = [
        f"<h2>{e(words['Period summary'])}</h2>",
        f"<p>{e(period)} · {len(views)} {e(words['reports'])}</p>",
        f"<h3>{e(words['By kind'])}</h3>{TABLE}",
    ]
    kinds: dict[str, int] = {}
    crossings: dict[str, int] = {}
    nationalities: dict[str, int] = {}
    for v in views:
        kinds[v.record.kind] = kinds.get(v.record.kind, 0) + 1
        if v.record.crossing_point:
            crossings[v.record.crossing_point] = crossings.get(v.record.crossing_point, 0) + 1
        for n in {p.get("nationality") for p in v.report.get("persons") or []}:
            if n:
                nationalities[n] = nationalities.get(n, 0) + 1
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        parts.append(f"<tr><td>{e(i18n.label('report_kinds', kind))}</td><td>{n}</td></tr>")
    parts.append(f"</table><h3>{e(words['By crossing point'])}</h3>")
    parts.append("<table border='1' cellspacing='0' cellpadding='3'>")
    for code, n in sorted(crossings.items(), key=lambda kv: -kv[1]):
        parts.append(f"<tr><td>{e(codelists.label('crossing_points', code))}</td><td>{n}</td></tr>")
    parts.append(f"</table><h3>{e(words['By nationality'])}</h3>")
    parts.append("<table border='1' cellspacing='0' cellpadding='3'>")
    for code, n in sorted(nationalities.items(), key=lambda kv: -kv[1])[:15]:
        parts.append(f"<tr><td>{e(i18n.label('nationalities', code))}</td><td>{n}</td></tr>")
    q = figures.queue
    parts.append(f"</table><h3>{e(words['Queue health'])}</h3><ul>")
    for status, n in q.by_status.items():
        parts.append(f"<li>{e(i18n.status_label(status))}: {n}</li>")
    parts.append("</ul>")
    parts.append(f"<h3>{e(words['Reports'])}</h3>{TABLE}")
    for v in views:
        r = v.record
        narrative = " ".join((v.report.get("narrative") or "").split())[:160]
        parts.append(
            f"<tr><td>{e(format_moment(r.observed_at))}</td>"
            f"<td>{e(i18n.label('report_kinds', r.kind))}</td>"
            f"<td>TLP:{e(r.tlp or '?')}</td><td>{e(narrative)}</td></tr>"
        )
    parts.append("</table>")
    return "\n".join(parts)


def summary_pdf(
    db: Database,
    user: UserRecord,
    audit: AuditTrail,
    figures: DashboardFigures,
    views: list[ReportView],
    path: Path,
    *,
    start: str,
    end: str,
) -> int:
    """A period summary; its label is the strictest of the reports it includes."""
    tlp = strictest([v.record.tlp for v in views]) or "GREEN"
    label = handling_label(tlp)
    title = (
        translate("Pdf", "Outpost period summary %1 – %2").replace("%1", start).replace("%2", end)
    )
    pages = write_pdf(path, summary_html(figures, views, start, end), label, title)
    DisseminationRegister(db, audit).record(
        actor=user.id,
        obj=f"summary:{start}/{end}",
        recipient=translate("Pdf", "paper or PDF: %1").replace("%1", path.name),
        method=Method.PRINT,
        purpose=translate("Pdf", "period summary"),
        legal_basis=None,
        tlp=tlp,
    )
    return pages


def default_name(prefix: str) -> str:
    return f"{prefix}-{datetime.now().strftime('%Y%m%d-%H%M')}.pdf"
