"""PDFs of a report and of a period summary: written by Qt's PDF writer, with the handling
label in the header and the footer of every page, and recorded as a dissemination."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.dashboard import DashboardService
from app.directory import store_directory
from app.dissemination import DisseminationRegister
from app.domain import Role
from app.history import report_history
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
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


def _body(page_text: str, page: int, pages: int) -> str:
    """A page's text after its header and footer bands (they are drawn first), spaces
    squeezed."""
    flat = " ".join(page_text.split())
    return flat.split(f"Page {page} of {pages}", 1)[1].strip()


def test_a_table_over_several_pages_repeats_its_header_row(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    service = ReportService(session.db, session.user, session.audit)
    views = [service.create_draft(sample(11, i)) for i in range(90)]
    out = tmp_path / "long-summary.pdf"
    pages = summary_pdf(
        session.db,
        session.user,
        session.audit,
        DashboardService(session.db).figures(),
        views,
        out,
        start="2000-01-01",
        end="2026-12-31",
    )
    assert pages >= 3
    texts = page_texts(out.read_bytes())
    reports_header = "Observed at Kind Label Narrative"
    # Page 2 goes on with a table (nationalities, or the reports): its header row first.
    assert _body(texts[1], 2, pages).startswith(("Nationality Reports", reports_header))
    for page in range(3, pages + 1):  # the reports table goes on over every later page
        assert _body(texts[page - 1], page, pages).startswith(reports_header), page
    first = _body(texts[0], 1, pages)
    assert "Kind Reports" in first and "Crossing point Reports" in first

    # A report's own tables too: 90 persons go over a page, with their header row again.
    data = sample(11, 1)
    data["narrative"] = "[SYNTHETIC] Short."
    data["persons"] = [dict(data["persons"][0], count=i + 1) for i in range(90)]
    view = service.create_draft(data)
    out = tmp_path / "many-persons.pdf"
    pages = report_pdf(session.db, session.user, session.audit, view, [], out, purpose="file")
    assert pages >= 2
    texts = page_texts(out.read_bytes())
    assert _body(texts[1], 2, pages).startswith("Role Nationality Sex Age band Count")


SITI = "0b6f4c1e-7a52-4d7e-9c1a-3f0e2d9b8a71"
DIRECTORY = {
    "agencies": [{"code": "MYS-IMM", "member_state": "MYS", "name": "Imigresen"}],
    "principals": [{"principal_id": SITI, "agency": "MYS-IMM", "member_state": "MYS",
                    "role": "ofp", "display_name": "Siti"}],
}  # fmt: skip


def _flat_text(pdf: Path) -> str:
    return " ".join(" ".join(page_texts(pdf.read_bytes())).split())


def test_the_released_report_pdf_states_its_audience(
    qtbot: QtBot, paths: DataPaths, tmp_path: Path
) -> None:
    focal_pass = "focal point passphrase"
    with initialise(paths, NewUser("officer", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("focal", Role.OFP, AGENCY), focal_pass)
        certify(s.db, s.audit)
        data = sample(7, 1)
        data["handling"]["tlp"] = "AMBER"
        report_id = ReportService(s.db, s.user, s.audit).create_draft(data).report_id
        view = Workflow(s.db, s.user, s.audit).submit(report_id)
        data["handling"]["tlp"] = "RED"
        red_id = ReportService(s.db, s.user, s.audit).create_draft(data).report_id
        Workflow(s.db, s.user, s.audit).submit(red_id)
        store_directory(s.db, DIRECTORY)
        unreleased = tmp_path / "submitted.pdf"
        history = report_history(s.db, report_id)
        report_pdf(s.db, s.user, s.audit, view, history, unreleased, purpose="case file")
    assert "Releasable to" not in _flat_text(unreleased)  # no release yet: nothing to state

    release = ReleaseSettings(
        tlp="AMBER",
        third_party=False,
        legal_basis="MOU-THA-MYS-2019",
        releasable_to=("MYS", "KHM"),
        agencies=("LAO-IMM",),
    )
    with unlock(paths, "focal", focal_pass) as f:
        view = Workflow(f.db, f.user, f.audit).approve(report_id, release)
        out = tmp_path / "released.pdf"
        history = report_history(f.db, report_id)
        report_pdf(f.db, f.user, f.audit, view, history, out, purpose="liaison")
        to_siti = ReleaseSettings(
            tlp="RED", third_party=False, legal_basis="MOU-THA-MYS-2019", recipients=(SITI,)
        )
        red = Workflow(f.db, f.user, f.audit).approve(red_id, to_siti)
        red_out = tmp_path / "red.pdf"
        history = report_history(f.db, red_id)
        report_pdf(f.db, f.user, f.audit, red, history, red_out, purpose="liaison")
    red_text = _flat_text(red_out)
    assert f"Recipients (TLP:RED) Siti (MYS-IMM) {SITI}" in red_text  # named from the directory
    assert "Releasable to agencies none" in red_text
    text = _flat_text(out)
    assert "Released as TLP:AMBER by focal" in text
    assert "Releasable to member states Cambodia (KHM), Malaysia (MYS)" in text
    assert "Releasable to agencies LAO-IMM" in text
    assert "Third parties Not to be passed to third parties" in text
    assert "Legal basis for sharing MOU-THA-MYS-2019" in text
