"""What a county hub's operator looks at first: who sent what and when, who
has gone silent, what waits for her (laptops to approve, changes to review,
conflicts), and every cadre's quota progress: the home page of a hub, so
nothing needs the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from . import quotas
from .store import Store
from .sync import conflicts, devices, proposals

SILENT_AFTER_DAYS = 30  # an approved laptop with no bundle for a month: call the cadre


@dataclass
class Arrival:
    """One laptop's bundles at this hub."""

    device_id: str
    cadre: str
    federation: str
    status: str
    last_bundle_at: str | None
    bundles: int
    rows: int
    silent: bool


@dataclass
class FederationTotal:
    federation: str
    laptops: int = 0
    bundles: int = 0
    rows: int = 0
    last_bundle_at: str | None = None


@dataclass
class HubSummary:
    arrivals: list[Arrival] = field(default_factory=list)
    federations: list[FederationTotal] = field(default_factory=list)
    waiting_devices: int = 0
    pending_proposals: int = 0
    open_conflicts: int = 0
    quotas: list[quotas.CadreProgress] = field(default_factory=list)

    @property
    def silent(self) -> list[Arrival]:
        return [a for a in self.arrivals if a.silent]


def is_hub(store: Store) -> bool:
    """This install receives other laptops' bundles (or has laptops waiting to)."""
    return store.receives_bundles()


def summary(store: Store, year: int | None = None, now: datetime | None = None) -> HubSummary:
    now = now or datetime.now(UTC)
    silent_before = now - timedelta(days=SILENT_AFTER_DAYS)
    result = HubSummary()
    totals: dict[str, FederationTotal] = {}
    orgs = {row[0]: row[1] for row in store.conn.execute("SELECT id, org FROM cadre WHERE deleted = 0")}
    for device in devices.registry(store):
        if device.role != devices.CADRE:
            continue
        last = _moment(device.last_bundle_at)
        arrival = Arrival(
            device.id,
            device.label,
            device.federation or orgs.get(device.cadre_id or "") or "",  # her profile's federation if unsaid
            devices.REVOKED if device.blocked else device.status,
            device.last_bundle_at,
            device.bundle_count,
            device.rows_received,
            device.status == devices.APPROVED and not device.blocked and (last is None or last < silent_before),
        )
        result.arrivals.append(arrival)
        total = totals.setdefault(arrival.federation, FederationTotal(arrival.federation))
        total.laptops += 1
        total.bundles += arrival.bundles
        total.rows += arrival.rows
        if arrival.last_bundle_at and (total.last_bundle_at or "") < arrival.last_bundle_at:
            total.last_bundle_at = arrival.last_bundle_at
    result.federations = sorted(totals.values(), key=lambda t: (-t.rows, t.federation))
    result.waiting_devices = len(devices.pending(store))
    result.pending_proposals = len(proposals.listed(store))
    result.open_conflicts = len(conflicts.open_conflicts(store))
    everyone = quotas.progress(store, quotas.chosen_preset(store), year or store.today().year)
    result.quotas = [q for q in everyone if q.cadre_id != store.own_cadre_id]  # the operator's own zeros say nothing
    return result


def _moment(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
