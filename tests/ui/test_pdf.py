"""PDFs of a report and of a period summary: written by Qt's PDF writer, with the handling
label in the header and the footer of every page, and recorded as a dissemination."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot
from support import sample

from app.dashboard import DashboardService
from app.dissemination import DisseminationRegister
from app.history import report_history
from app.reports import ReportService
from app.session import Session
from ui.controller import AppController
from ui.pdf import report_pdf, summary_pdf

from .flows import first_run
from .helpers import settle
from .pdftext import page_texts


def labels_per_page(pdf: Path, label: str) -> list[int]:
    return [text.count(label) for text in page_texts(pdf.read_bytes())]


def test_report_pdf_has_the_label_on_every_page(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    service = ReportService(session.db, session.user, session.audit)
    data = sample(5, 1)
    data["handling"]["tlp"] = "AMBER+STRICT"
    data["narrative"] = "[SYNTHETIC] A long account of the observation. " * 400
    view = service.create_draft(data)
    out = tmp_path / "report.pdf"
    pages = report_pdf(
        session.db,
        session.user,
        session.audit,
        view,
        report_history(session.db, view.report_id),
        out,
        purpose="case file",
    )
    assert pages >= 3  # long enough to need several pages
    counts = labels_per_page(out, "TLP:AMBER+STRICT")
    assert len(counts) == pages
    assert all(n >= 2 for n in counts), counts  # header and footer of each page
    texts = page_texts(out.read_bytes())
    assert all(f"of\t{pages}" in t or f"of {pages}" in t for t in texts)
    entries = DisseminationRegister(session.db, session.audit).entries(view.report_id)
    assert [(e.method, e.tlp, e.purpose) for e in entries] == [
        ("print", "AMBER+STRICT", "case file")
    ]


def test_period_summary_takes_the_strictest_label(session: Session, tmp_path: Path) -> None:
    service = ReportService(session.db, session.user, session.audit)
    views = []
    for i, tlp in enumerate(("GREEN", "RED", "AMBER")):
        data = sample(9, i)
        data["handling"]["tlp"] = tlp
        views.append(service.create_draft(data))
    out = tmp_path / "summary.pdf"
    figures = DashboardService(session.db).figures()
    pages = summary_pdf(
        session.db,
        session.user,
        session.audit,
        figures,
        views,
        out,
        start="2024-01-01",
        end="2026-12-31",
    )
    counts = labels_per_page(out, "TLP:RED")
    assert len(counts) == pages and all(n >= 2 for n in counts)


def test_pdf_from_the_report_window(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = first_run(qtbot, controller)
    view = main.ctx.reports().create_draft(sample(3, 2))
    out = tmp_path / "from-ui.pdf"
    main.report_pdf(view, out)  # what the file dialog's choice leads to
    settle(qtbot)
    assert out.exists()
    tlp = view.report["handling"]["tlp"]
    assert all(n >= 2 for n in labels_per_page(out, f"TLP:{tlp}"))
    assert "Saved" in main.statusBar().currentMessage()


def test_period_summary_from_the_menu_writes_the_pdf(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = first_run(qtbot, controller)
    main.ctx.reports().create_draft(sample(3, 4))
    dialog = main.summary_pdf()
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 120
    dialog.from_date.setDate(QDate(2000, 1, 1))
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot)  # the period dialog is gone (deleted on close); the file dialog asks
    chooser = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()
    )
    assert Path(chooser.directory().absolutePath()) == Path.home()
    chooser.setDirectory(str(tmp_path))
    chooser.accept()  # the suggested name: summary-<from>-<to>.pdf
    settle(qtbot)
    qtbot.waitUntil(lambda: any(tmp_path.glob("summary-2000-01-01-*.pdf")), timeout=20_000)
    out = next(tmp_path.glob("summary-2000-01-01-*.pdf"))
    assert "Saved" in main.statusBar().currentMessage()
    assert all(n >= 2 for n in labels_per_page(out, "TLP:"))
