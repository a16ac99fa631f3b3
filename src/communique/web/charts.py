"""Geometry of the server-rendered SVG charts: the pair timeline, the country network, an actor's
counterparts, bars. Only numbers and labels here; the templates (_charts.html) write the SVG, so
Jinja's autoescaping covers every label."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from communique.store.questions import UNDATED, Counterpart, Network, Period, country_name
from communique.web.rendering import actor_url, pair_url, plover_color


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    color: str
    title: str  # the tooltip


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    color: str
    text: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    rects: list[Rect]
    x_labels: list[Label]
    y_ticks: list[tuple[float, str]]  # (y, label)
    legend: list[LegendItem]
    plot_left: float
    plot_right: float
    baseline: float
    empty: bool


_WIDTH = 760
_PLOT_TOP = 44  # room for the legend above the bars
_PLOT_HEIGHT = 180
_LEFT = 40
_RIGHT = 12
_MAX_X_LABELS = 16


def timeline_chart(periods: list[Period]) -> Timeline:
    """Stacked bars, one per period, one colour per PLOVER type (the commonest lowest)."""
    totals: Counter[str] = Counter()
    for period in periods:
        totals.update(period.counts)
    order = [t for t, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]
    highest = max((p.total for p in periods), default=0)
    top = _nice_ceiling(highest)
    baseline = _PLOT_TOP + _PLOT_HEIGHT
    plot_width = _WIDTH - _LEFT - _RIGHT
    slot = plot_width / max(len(periods), 1)
    bar = min(slot * 0.72, 48.0)
    rects: list[Rect] = []
    labels: list[Label] = []
    every = max(1, math.ceil(len(periods) / _MAX_X_LABELS))
    for index, period in enumerate(periods):
        x = _LEFT + index * slot + (slot - bar) / 2
        y = baseline
        for event_type in order:
            count = period.counts.get(event_type, 0)
            if not count:
                continue
            height = _PLOT_HEIGHT * count / top
            y -= height
            rects.append(
                Rect(
                    x,
                    y,
                    bar,
                    height,
                    plover_color(event_type),
                    f"{period.label} · {event_type}: {count}",
                )
            )
        if index % every == 0 or period.label == UNDATED:
            labels.append(Label(x + bar / 2, baseline + 16, period.label))
    ticks = [(baseline - _PLOT_HEIGHT * v / top, str(v)) for v in _tick_values(top)]
    legend = [
        LegendItem(_LEFT + (i % 6) * 118, 10 + (i // 6) * 16, plover_color(t), f"{t} ({totals[t]})")
        for i, t in enumerate(order)
    ]
    return Timeline(
        width=_WIDTH,
        height=int(baseline + 30),
        rects=rects,
        x_labels=labels,
        y_ticks=ticks,
        legend=legend,
        plot_left=_LEFT,
        plot_right=_WIDTH - _RIGHT,
        baseline=baseline,
        empty=not periods,
    )


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... at or above `value` (at least 1)."""
    if value <= 1:
        return 1
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _tick_values(top: int) -> list[int]:
    if top <= 5:
        return list(range(0, top + 1))
    return [0, top // 2, top] if top % 2 == 0 else [0, top]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: float  # percent of the widest
    color: str


def bars(counts: list[tuple[str, int]]) -> list[Bar]:
    """Horizontal bars of PLOVER types (widths in percent), for a plain HTML chart."""
    highest = max((n for _, n in counts), default=0) or 1
    return [Bar(label, n, 100.0 * n / highest, plover_color(label)) for label, n in counts]


@dataclass(frozen=True)
class Node:
    x: float
    y: float
    radius: float
    label: str
    title: str
    href: str | None
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str
    href: str | None


@dataclass(frozen=True)
class Graph:
    size: int
    nodes: list[Node]
    edges: list[Edge]
    empty: bool
    margin: int = 0  # room left and right of the ring for the labels anchored outwards


_SIZE = 640
_RING = 230  # radius of the circle the nodes sit on


def _ring_position(index: int, count: int) -> tuple[float, float, float]:
    """(x, y, angle) of the index-th of `count` places on the ring, clockwise from the top."""
    angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
    centre = _SIZE / 2
    return centre + _RING * math.cos(angle), centre + _RING * math.sin(angle), angle


def _label_at(x: float, y: float, angle: float, radius: float) -> tuple[float, float, str]:
    """A node's label just outside the ring, anchored away from the centre."""
    offset = radius + 6
    lx, ly = x + offset * math.cos(angle), y + offset * math.sin(angle) + 4
    cos = math.cos(angle)
    anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
    if anchor == "middle":
        ly += 8 if math.sin(angle) > 0 else -4
    return lx, ly, anchor


def circle_graph(network: Network) -> Graph:
    """Countries on a circle, busiest first from the top; a line per pair, as wide as its
    number of events, linking to the pair's page."""
    nodes = network.nodes
    biggest = max((n for _, n in nodes), default=1) or 1
    places: dict[str, tuple[float, float]] = {}
    drawn: list[Node] = []
    for index, (country, events) in enumerate(nodes):
        x, y, angle = _ring_position(index, len(nodes))
        radius = 5 + 15 * math.sqrt(events / biggest)
        lx, ly, anchor = _label_at(x, y, angle, radius)
        places[country] = (x, y)
        drawn.append(
            Node(
                x,
                y,
                radius,
                country,
                f"{country_name(country)}: {events} events",
                None,
                lx,
                ly,
                anchor,
            )
        )
    heaviest = max((e.events for e in network.edges), default=1) or 1
    edges = [
        Edge(
            *places[edge.a],
            *places[edge.b],
            1 + 7 * edge.events / heaviest,
            f"{country_name(edge.a)} – {country_name(edge.b)}: {edge.events} events",
            pair_url(edge.a, edge.b),
        )
        for edge in network.edges
        if edge.a in places and edge.b in places
    ]
    return Graph(_SIZE, drawn, edges, empty=not nodes)


_MAX_COUNTERPARTS = 24
# Labels longer than this are cut (the node's tooltip keeps the whole name): the side room is
# sized for them.
_LABEL_CHARACTERS = 20
_LABEL_MARGIN = 220


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_CHARACTERS else label[: _LABEL_CHARACTERS - 1] + "…"


def star_graph(name: str, counterparts: list[Counterpart]) -> Graph:
    """The actor in the middle, its counterparts around it (the most frequent ones)."""
    shown = counterparts[:_MAX_COUNTERPARTS]
    centre = _SIZE / 2
    heaviest = max((c.events for c in shown), default=1) or 1
    nodes = [Node(centre, centre, 14, name, name, None, centre, centre + 32, "middle")]
    edges = []
    for index, other in enumerate(shown):
        x, y, angle = _ring_position(index, len(shown))
        radius = 5 + 9 * math.sqrt(other.events / heaviest)
        lx, ly, anchor = _label_at(x, y, angle, radius)
        title = f"{other.name}: {other.events} shared events"
        nodes.append(
            Node(
                x, y, radius, _short(other.name), title, actor_url(other.actor_key), lx, ly, anchor
            )
        )
        edges.append(Edge(centre, centre, x, y, 1 + 5 * other.events / heaviest, title, None))
    return Graph(_SIZE, nodes, edges, empty=not shown, margin=_LABEL_MARGIN)
