"""Which country a resident's postcode is from, for the statistics (issue 14).

Any postcode is accepted; the reservation keeps its country and, for Venlo, its district:

- Dutch: four digits and two letters ("5912 AB", optionally "NL-"): NL, with the district
  when the code lies in a PostcodeRange.
- German: five digits, optionally "D-" or "DE-" ("41334", "D-41334"): DE.
- Belgian: four digits with "B-" or "BE-" ("B-3000"): BE. A bare four-digit code counts as
  Dutch when it lies in a Dutch PostcodeRange ("5912"), else as Belgian.
- Anything else: elsewhere (OTHER), and the code itself is not kept.
"""

import re
from typing import NamedTuple

from agenda.models import Country
from providers.models import District, PostcodeRange, normalise_postcode
from providers.validators import is_plain_number

_PREFIXED = re.compile(r"^(NL|DE|D|BE|B)-?(\d{4,5}[A-Z]{0,2})$")


class PostcodeReading(NamedTuple):
    country: str  # a Country value, "" without a postcode
    code: str  # the code as kept ("5912AB", "41334", "3000"), "" when not kept
    district: District | None


def read_postcode(text: str) -> PostcodeReading:
    compact = "".join(text.split()).upper()
    if not compact:
        return PostcodeReading("", "", None)
    prefix = ""
    match = _PREFIXED.match(compact)
    if match:
        prefix, compact = match.groups()
    dutch = normalise_postcode(compact)
    if len(dutch) == 6 and prefix in ("", "NL"):
        return PostcodeReading(Country.NL, dutch, PostcodeRange.district_for(dutch))
    if is_plain_number(compact) and len(compact) == 5 and prefix in ("", "D", "DE"):
        return PostcodeReading(Country.DE, compact, None)
    if is_plain_number(compact) and len(compact) == 4:
        if prefix in ("", "NL"):
            district = PostcodeRange.district_for(compact)
            if district is not None or prefix == "NL":
                return PostcodeReading(Country.NL, compact, district)
        if prefix in ("", "B", "BE"):
            return PostcodeReading(Country.BE, compact, None)
    return PostcodeReading(Country.OTHER, "", None)
