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
from app.directory import recipient_label
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
# Full width: a narrow narrative column makes every row several lines high.
TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"

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
    approvals = [h for h in history if h.action == "approved" and h.release is not None]
    body = report_html(view, history)
    if approvals:  # who may read this paper, first: the release it was approved under
        body = release_html(db, approvals[-1]) + body
    pages = write_pdf(path, body, label, title)
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


def header_row(*cells: str) -> str:
    """A table's header row. Inside <thead> Qt sets the table's header row count, and the
    paginated document layout repeats it at the top of every page the table goes on to."""
    return "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cells) + "</tr></thead>"


def release_html(db: Database, approval: HistoryEntry) -> str:
    """The audience of a release as the approver signed it: label, member states, agencies,
    TLP:RED recipients, the third-party rule and the legal basis."""
    release = approval.release
    assert release is not None
    e = html.escape
    nobody = translate("Pdf", "none")

    def row(label: str, value: str) -> str:
        return f"<tr><th align='left' valign='top'>{e(label)}</th><td>{e(value)}</td></tr>"

    released = (
        translate("Pdf", "Released as %1 by %2 on %3")
        .replace("%1", f"TLP:{release.tlp}")
        .replace("%2", approval.actor)
        .replace("%3", format_moment(approval.at))
    )
    states = ", ".join(
        f"{i18n.label('nationalities', code)} ({code})" for code in release.releasable_to
    )
    if release.tlp == "CLEAR":
        states = translate("Pdf", "everyone on the portal (TLP:CLEAR)")
    elif not (release.releasable_to or release.agencies or release.recipients):
        states = translate("Pdf", "none: it stays inside the originating agency")
    rows = [
        row(translate("Pdf", "Releasable to member states"), states or nobody),
        row(translate("Pdf", "Releasable to agencies"), ", ".join(release.agencies) or nobody),
    ]
    if release.recipients:
        rows.append(
            row(
                translate("Pdf", "Recipients (TLP:RED)"),
                "; ".join(recipient_label(db, p) for p in release.recipients),
            )
        )
    rows.append(
        row(
            translate("Pdf", "Third parties"),
            translate("Pdf", "May be passed to third parties")
            if release.third_party
            else translate("Pdf", "Not to be passed to third parties"),
        )
    )
    rows.append(row(translate("Pdf", "Legal basis for sharing"), release.legal_basis))
    if release.tlp_reason:
        rows.append(row(translate("Pdf", "Reason for loosening the label"), release.tlp_reason))
    return (
        f"<p style='background:#000;color:#fff'>&nbsp;{e(released)}&nbsp;</p>"
        f"<table cellpadding='3'>{''.join(rows)}</table>"
    )


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
        "Kind": translate("Pdf", "Kind"),
        "Crossing point": translate("Pdf", "Crossing point"),
        "Nationality": translate("Pdf", "Nationality"),
        "Observed at": translate("Pdf", "Observed at"),
        "Label": translate("Pdf", "Label"),
        "Narrative": translate("Pdf", "Narrative"),
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
        header_row(words["Kind"], words["Reports"]),
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
    parts.append(f"</table><h3>{e(words['By crossing point'])}</h3>{TABLE}")
    parts.append(header_row(words["Crossing point"], words["Reports"]))
    for code, n in sorted(crossings.items(), key=lambda kv: -kv[1]):
        parts.append(f"<tr><td>{e(codelists.label('crossing_points', code))}</td><td>{n}</td></tr>")
    parts.append(f"</table><h3>{e(words['By nationality'])}</h3>{TABLE}")
    parts.append(header_row(words["Nationality"], words["Reports"]))
    for code, n in sorted(nationalities.items(), key=lambda kv: -kv[1])[:15]:
        parts.append(f"<tr><td>{e(i18n.label('nationalities', code))}</td><td>{n}</td></tr>")
    q = figures.queue
    parts.append(f"</table><h3>{e(words['Queue health'])}</h3><ul>")
    for status, n in q.by_status.items():
        parts.append(f"<li>{e(i18n.status_label(status))}: {n}</li>")
    parts.append("</ul>")
    parts.append(f"<h3>{e(words['Reports'])}</h3>{TABLE}")
    parts.append(
        header_row(words["Observed at"], words["Kind"], words["Label"], words["Narrative"])
    )
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
