"""London's geography as registers of the Metropolitan Police Service record it: boroughs and BCUs.

One home for the borough field's values, labels, BCU groups and generalisation hierarchy, shared by
every register that records a place in London (the misconduct register's place of work, the
stop-and-search register's place of the search). The boroughs and BCUs themselves are the enums of
``misconduct.py``; the centroids place a point in its nearest borough when a file gives only
coordinates (police.uk open data gives latitude and longitude, never a borough).
"""

from __future__ import annotations

import math

from foidesk.datasets import misconduct as m
from foidesk.datasets.schema import GeneralisationLevels, Level, ValueGroup, suppress, values_of

_BOROUGH_NAMES = {
    "barking_and_dagenham": "Barking and Dagenham",
    "hammersmith_and_fulham": "Hammersmith and Fulham",
    "kensington_and_chelsea": "Kensington and Chelsea",
    "kingston_upon_thames": "Kingston upon Thames",
    "richmond_upon_thames": "Richmond upon Thames",
    "tower_hamlets": "Tower Hamlets",
    "waltham_forest": "Waltham Forest",
}
BOROUGH_LABELS = {b.value: _BOROUGH_NAMES.get(b.value, b.value.replace("_", " ").title()) for b in m.Borough}
BCU_LABELS = {b.value: f"{b.value.replace('_', ' ').title()} BCU" for b in m.BCU}


def _bcu(value: str) -> str:
    return m.BOROUGH_BCU[m.Borough(value)].value


def _bcu_label(code: str) -> str:
    return BCU_LABELS.get(code, code)


BOROUGH_HIERARCHY = GeneralisationLevels(
    (Level("borough", str), Level("bcu", _bcu, _bcu_label), Level("any", suppress))
)
BOROUGH_VALUES = values_of(m.Borough, BOROUGH_LABELS, {})
BCU_GROUPS = tuple(
    ValueGroup(
        b.value,
        BCU_LABELS[b.value],
        tuple(x.value for x, y in m.BOROUGH_BCU.items() if y is b),
        (f"{m.BCU_CODE[b]} BCU",),
    )
    for b in m.BCU
)

# Approximate centres (latitude, longitude) of the 32 boroughs, to two decimal places (about 1 km):
# enough to place a search in its borough for a table by borough or BCU, which is all that is
# released. A force with boundary polygons places points exactly; the register's definition is
# the one place to change.
BOROUGH_CENTRES: dict[m.Borough, tuple[float, float]] = {
    m.Borough.BARKING_AND_DAGENHAM: (51.55, 0.13),
    m.Borough.BARNET: (51.62, -0.21),
    m.Borough.BEXLEY: (51.46, 0.14),
    m.Borough.BRENT: (51.56, -0.27),
    m.Borough.BROMLEY: (51.37, 0.05),
    m.Borough.CAMDEN: (51.55, -0.16),
    m.Borough.CROYDON: (51.36, -0.09),
    m.Borough.EALING: (51.52, -0.31),
    m.Borough.ENFIELD: (51.65, -0.08),
    m.Borough.GREENWICH: (51.47, 0.06),
    m.Borough.HACKNEY: (51.55, -0.06),
    m.Borough.HAMMERSMITH_AND_FULHAM: (51.49, -0.22),
    m.Borough.HARINGEY: (51.59, -0.11),
    m.Borough.HARROW: (51.59, -0.34),
    m.Borough.HAVERING: (51.56, 0.23),
    m.Borough.HILLINGDON: (51.53, -0.45),
    m.Borough.HOUNSLOW: (51.47, -0.37),
    m.Borough.ISLINGTON: (51.55, -0.10),
    m.Borough.KENSINGTON_AND_CHELSEA: (51.50, -0.19),
    m.Borough.KINGSTON_UPON_THAMES: (51.39, -0.29),
    m.Borough.LAMBETH: (51.46, -0.12),
    m.Borough.LEWISHAM: (51.44, -0.02),
    m.Borough.MERTON: (51.41, -0.19),
    m.Borough.NEWHAM: (51.53, 0.03),
    m.Borough.REDBRIDGE: (51.58, 0.07),
    m.Borough.RICHMOND_UPON_THAMES: (51.44, -0.33),
    m.Borough.SOUTHWARK: (51.47, -0.07),
    m.Borough.SUTTON: (51.36, -0.19),
    m.Borough.TOWER_HAMLETS: (51.51, -0.04),
    m.Borough.WALTHAM_FOREST: (51.59, -0.02),
    m.Borough.WANDSWORTH: (51.45, -0.19),
    m.Borough.WESTMINSTER: (51.51, -0.14),
}


def nearest_borough(latitude: float, longitude: float) -> m.Borough:
    """The borough whose centre is nearest the point (distances on the local flat-earth approximation)."""
    scale = math.cos(math.radians(latitude))

    def distance(borough: m.Borough) -> float:
        lat, lon = BOROUGH_CENTRES[borough]
        return math.hypot(latitude - lat, (longitude - lon) * scale)

    return min(BOROUGH_CENTRES, key=distance)
