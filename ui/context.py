"""What every screen of an unlocked session needs: the session, the op runner, settings."""

from __future__ import annotations

from dataclasses import dataclass

from app.bulletins import BulletinService
from app.reports import ReportService
from app.roles import FOCAL_POINT_ROLES, certified_role
from app.session import Session
from app.workflow import Workflow
from ui.ops import OpRunner
from ui.settings import UiSettings


@dataclass
class Context:
    session: Session
    ops: OpRunner
    settings: UiSettings

    # Services are cheap objects over the session's database; each call makes its own, so
    # a worker thread never shares one with the UI thread.
    def reports(self) -> ReportService:
        return ReportService(self.session.db, self.session.user, self.session.audit)

    def workflow(self) -> Workflow:
        return Workflow(self.session.db, self.session.user, self.session.audit)

    def bulletins(self) -> BulletinService:
        return BulletinService(self.session.db, self.session.user.id)

    @property
    def is_focal_point(self) -> bool:
        """Only a focal-point role the portal certified counts (app.roles)."""
        return certified_role(self.session.db, self.session.user) in FOCAL_POINT_ROLES

    @property
    def user_id(self) -> str:
        return self.session.user.id
