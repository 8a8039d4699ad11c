"""Reading a report: its content, its photos (decoded in memory) and its signed history."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import codelists
from app.history import HistoryEntry, report_history
from app.i18n import format_moment
from app.reports import ReportView
from ui import i18n
from ui.context import Context
from ui.ops import OpError
from ui.widgets import colour_tlp_cell, thumbnail_image, tlp_badge_style

THUMB = 120

translate = QCoreApplication.translate  # lupdate collects translate("Context", "…")


@dataclass
class Detail:
    view: ReportView
    history: list[HistoryEntry]
    images: list[tuple[str, str, QImage | None]]  # filename, media type, thumbnail

    @property
    def returned_comment(self) -> HistoryEntry | None:
        returns = [h for h in self.history if h.action == "returned"]
        return returns[-1] if returns else None


def load_detail(ctx: Context, report_id: str, version: int | None = None) -> Detail:
    """Runs on the store worker."""
    service = ctx.reports()
    view = service.get(report_id, version)
    history = report_history(ctx.session.db, report_id)
    images = [
        (
            a["filename"],
            a["media_type"],
            thumbnail_image(service.attachment_bytes(a["sha256"]), THUMB),
        )
        for a in view.report.get("attachments") or []
    ]
    return Detail(view, history, images)


def _place(code: str) -> str:
    return f"{codelists.label('crossing_points', code)} ({code})"


def _country(code: str | None) -> str:
    return "" if not code else f"{i18n.label('nationalities', code)} ({code})"


def _report_words() -> dict[str, str]:
    """Headings, looked up here (lupdate cannot read translate() calls inside f-strings)."""
    return {
        "Report": translate("Report", "Report"),
        "version": translate("Report", "version"),
        "Persons": translate("Report", "Persons"),
        "Travel documents": translate("Report", "Travel documents"),
        "Route": translate("Report", "Route"),
        "Modus operandi": translate("Report", "Modus operandi"),
        "Narrative": translate("Report", "Narrative"),
        "Source and handling": translate("Report", "Source and handling"),
        "Attachments": translate("Report", "Attachments"),
        "Signed history": translate("Report", "Signed history"),
    }


def report_html(view: ReportView, history: list[HistoryEntry] | None = None) -> str:
    """The report as simple HTML (screen and PDF). Everything from the report is escaped."""
    words = _report_words()
    r = view.report
    e = html.escape

    def row(label: str, value: Any) -> str:
        text = "" if value in (None, "", []) else str(value)
        return f"<tr><th align='left' valign='top'>{e(label)}</th><td>{e(text)}</td></tr>"

    handling = r.get("handling") or {}
    tlp = handling.get("tlp")
    parts = [
        f"<h2>{e(i18n.label('report_kinds', r.get('kind')))}</h2>",
        f"<p><b>{e(words['Report'])}</b> {e(view.report_id)} · "
        f"{e(words['version'])} "
        f"{view.record.version} · {e(i18n.status_label(view.status))} · "
        f"<span style='background:#000;color:#fff'>&nbsp;TLP:{e(tlp or '?')}&nbsp;</span></p>",
        "<table cellpadding='3'>",
        row(translate("Report", "Observed at"), format_moment(r.get("observed_at"))),
        row(
            translate("Report", "Crossing point"),
            r.get("crossing_point") and _place(r["crossing_point"]),
        ),
    ]
    coords = r.get("coordinates")
    if coords:
        parts.append(
            row(
                translate("Report", "Coordinates"),
                f"{coords['lat']}, {coords['lon']}",
            )
        )
    parts.append("</table>")
    persons = r.get("persons") or []
    if persons:
        parts.append(
            f"<h3>{e(words['Persons'])}</h3><table border='1' cellspacing='0' cellpadding='3'>"
        )
        parts.append(  # <thead>: repeated on each page when the table goes over pages
            "<thead><tr>"
            + "".join(
                f"<th>{e(h)}</th>"
                for h in (
                    translate("Report", "Role"),
                    translate("Report", "Nationality"),
                    translate("Report", "Sex"),
                    translate("Report", "Age band"),
                    translate("Report", "Count"),
                )
            )
            + "</tr></thead>"
        )
        for p in persons:
            cells = (
                i18n.label("person_roles", p.get("role")),
                _country(p.get("nationality")),
                i18n.label("sexes", p.get("sex")),
                i18n.label("age_bands", p.get("age_band")),
                p.get("count") or "",
            )
            parts.append("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    documents = r.get("documents") or []
    if documents:
        parts.append(f"<h3>{e(words['Travel documents'])}</h3><ul>")
        for d in documents:
            features = ", ".join(
                i18n.label("document_features", f) for f in d.get("features") or []
            )
            text = " · ".join(
                t
                for t in (
                    i18n.label("document_types", d.get("type")),
                    _country(d.get("issuing_state")),
                    d.get("number") or "",
                    i18n.label("fraud_types", d.get("fraud_type")),
                    features,
                )
                if t
            )
            parts.append(f"<li>{e(text)}</li>")
        parts.append("</ul>")
    route = r.get("route") or {}
    fees = route.get("fees")
    parts += [
        f"<h3>{e(words['Route'])}</h3><table cellpadding='3'>",
        row(translate("Report", "Origin"), _country(route.get("origin"))),
        row(
            translate("Report", "Transit"),
            ", ".join(_country(c) for c in route.get("transit") or []),
        ),
        row(
            translate("Report", "Destination"),
            _country(route.get("destination")),
        ),
        row(
            translate("Report", "Transport mode"),
            i18n.label("transport_modes", route.get("transport_mode")),
        ),
        row(
            translate("Report", "Fees paid"),
            fees and f"{fees['amount']} {fees['currency']}",
        ),
        row(translate("Report", "Group size"), route.get("group_size")),
        "</table>",
    ]
    mo = r.get("modus_operandi") or {}
    tags = ", ".join(i18n.label("modus_operandi_tags", t) for t in mo.get("tags") or [])
    if tags or mo.get("text"):
        parts.append(f"<h3>{e(words['Modus operandi'])}</h3><p>{e(tags)}</p>")
        if mo.get("text"):
            parts.append(f"<p>{e(mo['text'])}</p>")
    parts.append(f"<h3>{e(words['Narrative'])}</h3>")
    parts.append("<p>" + e(r.get("narrative") or "").replace("\n", "<br>") + "</p>")
    source = r.get("source") or {}
    grading = ""
    if source.get("reliability") or source.get("credibility"):
        grading = (
            f"{source.get('reliability') or '?'}{source.get('credibility') or '?'} — "
            f"{i18n.label('reliability', source.get('reliability'))}; "
            f"{i18n.label('credibility', source.get('credibility'))}"
        )
    parts += [
        f"<h3>{e(words['Source and handling'])}</h3><table cellpadding='3'>",
        row(translate("Report", "Source"), source.get("description")),
        row(translate("Report", "Grading (Admiralty)"), grading),
        row(
            translate("Report", "TLP label"),
            tlp and f"TLP:{tlp} — {i18n.description('tlp', tlp)}",
        ),
        row(
            translate("Report", "Third parties"),
            translate("Report", "allowed")
            if handling.get("third_party")
            else translate("Report", "not allowed"),
        ),
        row(translate("Report", "Legal basis"), handling.get("legal_basis")),
        "</table>",
    ]
    attachments = r.get("attachments") or []
    if attachments:
        parts.append(f"<h3>{e(words['Attachments'])}</h3><ul>")
        for a in attachments:
            parts.append(
                f"<li>{e(a['filename'])} ({a['size']} B, SHA-256 {e(a['sha256'][:16])}…)</li>"
            )
        parts.append("</ul>")
    if history:
        parts.append(f"<h3>{e(words['Signed history'])}</h3><ul>")
        for h in history:
            text = f"{format_moment(h.at)} · {action_label(h.action)} · {h.actor} · {h.signature}"
            if h.comment:
                text += f" · “{h.comment}”"
            parts.append(f"<li>{e(text)}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def action_label(action: str) -> str:
    return {
        "submitted": translate("Report", "submitted"),
        "approved": translate("Report", "approved"),
        "returned": translate("Report", "returned"),
        "acknowledged": translate("Report", "acknowledged by the portal"),
        "released nationally": translate("Report", "released beyond the country by the NFP"),
        "kept in country": translate("Report", "kept in the country by the NFP"),
    }.get(action, action)


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("Action"),
                self.tr("By"),
                self.tr("When"),
                self.tr("TLP"),
                self.tr("Comment"),
                self.tr("Signature"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(self.tr("Signed history"))

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.setRowCount(len(entries))
        for i, h in enumerate(entries):
            values = [
                str(h.version or ""),
                action_label(h.action),
                h.actor,
                format_moment(h.at),
                h.tlp or "",
                h.comment,
                h.signature,
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 4:
                    colour_tlp_cell(item, h.tlp)
                if j == 6 and not h.valid:
                    item.setForeground(QColor("#B00020"))
                self.setItem(i, j, item)
        self.resizeColumnsToContents()


class ReportDetail(QWidget):
    """Tabs with the report, its photos and its signed history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15px; font-weight:bold;")
        self.tlp = QLabel()
        self.tlp.setAccessibleName(self.tr("Handling label"))
        header.addWidget(self.title, 1)
        header.addWidget(self.tlp)
        layout.addLayout(header)
        self.comment = QLabel()
        self.comment.setWordWrap(True)
        self.comment.setStyleSheet("background:#FFF4CE; padding:6px; border:1px solid #E0C060;")
        self.comment.hide()
        layout.addWidget(self.comment)
        self.tabs = QTabWidget()
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Report content"))
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QPixmap(THUMB, THUMB).size())
        self.photos.setAccessibleName(self.tr("Photos and files"))
        self.history = HistoryTable()
        self.tabs.addTab(self.text, self.tr("Report"))
        self.tabs.addTab(self.photos, self.tr("Photos"))
        self.tabs.addTab(self.history, self.tr("Signed history"))
        layout.addWidget(self.tabs, 1)
        self.detail: Detail | None = None

    def show_detail(self, detail: Detail) -> None:
        self.detail = detail
        view = detail.view
        self.title.setText(
            f"{i18n.label('report_kinds', view.record.kind)} · {view.report_id[:8]} · "
            f"{i18n.status_label(view.status)}"
        )
        tlp = (view.report.get("handling") or {}).get("tlp")
        self.tlp.setText(f"TLP:{tlp}" if tlp else self.tr("no TLP yet"))
        self.tlp.setStyleSheet(tlp_badge_style(tlp))
        self.text.setHtml(report_html(view))
        self.photos.clear()
        for name, _media, image in detail.images:
            item = QListWidgetItem(name)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.photos.addItem(item)
        self.tabs.setTabText(1, self.tr("Photos (%1)").replace("%1", str(len(detail.images))))
        self.history.set_entries(detail.history)
        returned = detail.returned_comment
        if returned is not None and view.status in ("returned", "draft"):
            self.comment.setText(
                self.tr("Returned by %1 on %2: %3")
                .replace("%1", returned.actor)
                .replace("%2", format_moment(returned.at))
                .replace("%3", returned.comment)
            )
            self.comment.show()
        else:
            self.comment.hide()

    def clear(self) -> None:
        self.detail = None
        self.title.clear()
        self.tlp.clear()
        self.text.clear()
        self.photos.clear()
        self.history.setRowCount(0)
        self.comment.hide()


class ReportDialog(QDialog):
    """A report opened from a list: read it, edit or correct it, save it as PDF."""

    edit_requested = Signal(str)

    def __init__(
        self,
        ctx: Context,
        report_id: str,
        parent: QWidget | None = None,
        *,
        pdf: Callable[[ReportView], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id = report_id
        self._pdf = pdf
        self.setWindowTitle(self.tr("Report %1").replace("%1", report_id[:8]))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.detail = ReportDetail()
        layout.addWidget(self.detail, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit draft"))
        self.revise_button = QPushButton(self.tr("Start a &corrected version"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.edit_button, self.revise_button, self.pdf_button):
            buttons.addWidget(b)
            b.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(self._edit)
        self.revise_button.clicked.connect(self._revise)
        self.pdf_button.clicked.connect(self._save_pdf)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self._save_pdf)
        self.reload()

    def reload(self) -> None:
        ctx, report_id = self.ctx, self.report_id
        self.ctx.ops.run(
            lambda: load_detail(ctx, report_id),
            self._show,
            self._failed,
            label=self.tr("Opening report"),
        )

    def _show(self, detail: Detail) -> None:
        self.detail.show_detail(detail)
        view = detail.view
        mine = view.record.author_id == self.ctx.user_id
        self.edit_button.setEnabled(mine and view.status in ("draft", "returned"))
        self.edit_button.setText(
            self.tr("Correct and re&submit")
            if view.status == "returned"
            else self.tr("&Edit draft")
        )
        self.revise_button.setEnabled(
            mine and view.status in ("queued", "approved", "sent", "acknowledged")
        )
        self.pdf_button.setEnabled(self._pdf is not None)

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.message)

    def _edit(self) -> None:
        self.edit_requested.emit(self.report_id)
        self.accept()

    def _revise(self) -> None:
        ctx, report_id = self.ctx, self.report_id
        self.ctx.ops.run(
            lambda: ctx.reports().revise(report_id),
            lambda _view: self._edit(),
            self._failed,
            label=self.tr("Starting a corrected version"),
        )

    def _save_pdf(self) -> None:
        if self._pdf is not None and self.detail.detail is not None:
            self._pdf(self.detail.detail.view)
