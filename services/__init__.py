"""Use cases that need both the core (app/) and the network (sync/): connecting to the portal,
enrolment, the sync session, offline bundles. The front ends (cli/, ui/) call these; app/
never touches the network and sync/ never imports app/, so this is the one place that knows
both (docs/architecture.md)."""
