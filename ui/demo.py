"""A demo installation for a newcomer's first look: two users and synthetic reports in every
state, so each screen shows something real. Everything is marked [SYNTHETIC].

Runs on a worker thread (it signs a few hundred envelopes). Only app services are used,
except for the demo alerts: nothing in app/ stores feed items yet (the sync engine will), so
they are written through the feed repository directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from app.clock import now_rfc3339, to_rfc3339, utc_now
from app.directory import store_directory
from app.domain import Role
from app.identity import certify_with_local_key
from app.paths import DataPaths
from app.reports import AttachmentInput, ReportService
from app.samples import PREFIX, SyntheticReports
from app.session import NewUser, Session, initialise
from app.workflow import ReleaseSettings, Workflow
from storage.feed_repo import FeedRepository, NewFeedItem
from storage.keyslots import KdfParams
from sync.protocol import generate_private_key

AGENCY = "THA-IMM"


@dataclass(frozen=True)
class DemoUser:
    name: str
    passphrase: str
    role: Role


OFFICER = DemoUser("demo.officer", "demo officer passphrase", Role.OFFICER)
FOCAL_POINT = DemoUser("demo.focal", "demo focal passphrase", Role.OFP)
DEMO_USERS = (OFFICER, FOCAL_POINT)

RETURN_COMMENTS = (
    "[SYNTHETIC] Grade the source: how was the information obtained?",
    "[SYNTHETIC] Add the issuing state of the second document.",
    "[SYNTHETIC] The group size and the person counts differ; please check.",
)


def synthetic_photo(i: int) -> bytes:
    """A small PNG that looks like a document photo and says it is synthetic."""
    image = QImage(480, 320, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv((i * 47) % 360, 40, 235))
    painter = QPainter(image)
    painter.setPen(QColor("#333333"))
    painter.drawRect(QRect(20, 20, 440, 280))
    painter.fillRect(QRect(40, 60, 120, 150), QColor("#B0B0B0"))
    font = QFont("DejaVu Sans")
    font.setPixelSize(26)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(180, 60, 270, 40), Qt.AlignmentFlag.AlignLeft, "SYNTHETIC")
    font.setPixelSize(16)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(
        QRect(180, 110, 270, 120),
        Qt.TextFlag.TextWordWrap,
        f"Demo document photo #{i}\nnot a real person\nnot a real document",
    )
    painter.drawText(
        QRect(40, 240, 400, 40), Qt.AlignmentFlag.AlignLeft, "P<SYNSYN<<DEMO<<<<<<<<<<<<"
    )
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stub wants bytes
    buffer.close()
    return bytes(data.data())


def create_demo(
    paths: DataPaths,
    *,
    reports: int = 200,
    kdf: KdfParams | None = None,
    progress: Callable[[int, int], None] | None = None,
    seed: int = 2026,
) -> Session:
    """Creates the demo installation and returns it unlocked as the demo officer."""
    session = initialise(
        paths, NewUser(OFFICER.name, OFFICER.role, AGENCY), OFFICER.passphrase, kdf=kdf
    )
    try:
        focal = session.add_user(
            NewUser(FOCAL_POINT.name, FOCAL_POINT.role, AGENCY), FOCAL_POINT.passphrase
        )
        # Roles come from certificates: a demo key certifies the demo users so the synthetic
        # history has approvals. Once the installation is connected to a portal, only that
        # portal's key counts (app.roles): the focal point enrols like anyone else.
        certify_with_local_key(
            session.db, session.audit, generate_private_key(), "demo (synthetic data)"
        )
        service = ReportService(session.db, session.user, session.audit)
        author = Workflow(session.db, session.user, session.audit)
        reviewer = Workflow(session.db, focal, session.audit)
        generator = SyntheticReports(seed)
        for i in range(reports):
            data = generator.report(i)
            files = [
                AttachmentInput(a["filename"], a["media_type"], generator.attachment_content(i, j))
                for j, a in enumerate(data["attachments"])
            ]
            if i % 4 == 0:
                files.append(
                    AttachmentInput(f"synthetic-photo-{i}.png", "image/png", synthetic_photo(i))
                )
            data["attachments"] = []
            view = service.create_draft(data, files)
            state = i % 10
            if state >= 2:  # 20 % stay drafts
                author.submit(view.report_id)
            if state == 5:
                reviewer.return_to_author(view.report_id, RETURN_COMMENTS[i % len(RETURN_COMMENTS)])
            elif state >= 6:
                reviewer.approve(
                    view.report_id, demo_release(data["handling"], i), "[SYNTHETIC] Approved."
                )
            if progress is not None and (i % 10 == 9 or i == reports - 1):
                progress(i + 1, reports)
        _demo_feed(session)
        _demo_directory(session)
    except BaseException:
        session.lock()
        raise
    return session


# A made-up liaison officer in the demo's copy of the portal directory (TLP:RED by name).
DEMO_LIAISON = "00000000-0000-4000-8000-00000000d3e0"


def demo_release(handling: dict[str, object], i: int) -> ReleaseSettings:
    """Release settings the TLP rule (sync.protocol.tlp) honours for each label."""
    tlp = str(handling["tlp"])
    states: tuple[str, ...] = ("MYS",) if i % 3 else ("MYS", "KHM")
    base = ReleaseSettings(
        tlp=tlp,
        third_party=bool(handling["third_party"]),
        legal_basis=str(handling["legal_basis"] or "MOU-THA-MYS-2019"),
    )
    if tlp == "CLEAR":
        return base
    if tlp == "AMBER+STRICT":
        return replace(base, agencies=("MYS-IMM",))
    if tlp == "RED":
        return replace(base, recipients=(DEMO_LIAISON,))
    return replace(base, releasable_to=states)


def _demo_directory(session: Session) -> None:
    store_directory(
        session.db,
        {
            "agencies": [
                {"code": "MYS-IMM", "member_state": "MYS", "name": "[SYNTHETIC] Imigresen",
                 "third_party": False},
            ],
            "principals": [
                {"principal_id": DEMO_LIAISON, "agency": "MYS-IMM", "member_state": "MYS",
                 "role": "ofp", "display_name": "[SYNTHETIC] MYS liaison", "third_party": False},
            ],
        },
    )  # fmt: skip


def _demo_feed(session: Session) -> None:
    repo = FeedRepository(session.db)
    now = utc_now()
    items = [
        ("alert", "TLP:AMBER", "AMBER", "Counterfeit MYS passports with a reused page 2 laminate"),
        (
            "bulletin",
            "TLP:GREEN",
            "GREEN",
            "Quarterly trend bulletin: routes through the southern crossings",
        ),
        (
            "fraud_notice",
            "TLP:GREEN",
            "GREEN",
            "Fraud notice: stolen blank border passes, series SYN-BP",
        ),
        ("alert", "TLP:AMBER", "AMBER", "Boat landings reported north of the river crossing"),
        ("mou_template", "TLP:CLEAR", "CLEAR", "MOU template for bilateral information exchange"),
        ("bulletin", "TLP:GREEN", "GREEN", "Indicators of trafficking among escorted minors"),
    ]
    with session.db.transaction():
        for n, (kind, _label, tlp, title) in enumerate(items):
            published = to_rfc3339(now - timedelta(days=n * 6 + 1))
            repo.put(
                NewFeedItem(
                    item_id=f"demo-{n}",
                    kind=kind,
                    title=f"{PREFIX} {title}",
                    body=(
                        f"{PREFIX} This item is part of the demo installation and describes no "
                        f"real event.\n\n{title}. Officers at the crossing points are asked to "
                        "look for the indicators listed and to report what they observe."
                    ),
                    tlp=tlp,
                    publisher="Demo portal operator",
                    published_at=published,
                    received_at=now_rfc3339(),
                    payload=json.dumps({"id": f"demo-{n}", "synthetic": True}),
                )
            )
            if n >= 3:
                repo.mark_read(f"demo-{n}", now_rfc3339())
