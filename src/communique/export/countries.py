"""ISO 3166 alpha-2 to alpha-3: PLOVER and GDELT name countries by three letters (CAMEO's
country codes are ISO alpha-3 for current states)."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def alpha3(code: str | None) -> str | None:
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.alpha_3 if country else None
