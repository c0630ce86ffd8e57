"""Quotes per second of the pure Samsat rule engine on 10,000 varied vehicles."""
import random
import time
from datetime import date, timedelta

N_VEHICLES = 10_000
CLASSES = ("motor", "motor", "motor", "roda_tiga", "sedan", "jeep_minibus", "pickup", "microbus", "bus",
           "truk_ringan", "truk")
REGIONS = ("L", "M", "N", "P", "S", "W", "AE", "AG", "B")


def vehicles(count=N_VEHICLES, seed=2025):
    """(vehicle, paid_on) pairs spread over both rule sets, reliefs, lateness and a few refusals."""
    rng = random.Random(seed)
    for _ in range(count):
        paid_on = date(2024, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        tax_due = paid_on + timedelta(days=rng.randrange(-800, 120))
        facts = {"plate": f"{rng.choice(REGIONS)} {rng.randrange(1, 10000)} {rng.choice(['', 'A', 'AB', 'XYZ'])}",
                 "vehicle_class": rng.choice(CLASSES), "cc": rng.choice((49, 110, 125, 150, 250, 400, 1500, 2500)),
                 "ownership_order": rng.choice((1, 1, 1, 2, 3, 4, 5, 6)), "tax_due": tax_due.isoformat(),
                 "stnk_valid_until": (tax_due + timedelta(days=rng.randrange(30, 5 * 365))).isoformat(),
                 "blocked": rng.random() < 0.02, "public_transport": rng.random() < 0.02}
        if rng.random() < 0.7:
            facts["njkb"] = rng.randrange(5_000_000, 900_000_000)
        else:
            facts["pkb_pokok"] = rng.randrange(100_000, 15_000_000)
            facts["pkb_regime"] = rng.choice(("jatim-2010", "jatim-2025"))  # required with a PKB pokok
        yield facts, paid_on


def run(report):
    from posapp.samsat.rules import compute_bill
    cases = list(vehicles())
    compute_bill(cases[0][0], None, cases[0][1])  # load the rule sets outside the timing
    start = time.perf_counter()
    for facts, paid_on in cases:
        compute_bill(facts, None, paid_on)
    elapsed = time.perf_counter() - start
    report("samsat_quotes", round(len(cases) / elapsed), "quotes/s", baseline=None)


if __name__ == "__main__":
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    run(lambda name, value, unit, baseline=None: print(f"{name}: {value} {unit}"))
