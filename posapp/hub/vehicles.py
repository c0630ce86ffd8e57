"""A realistic East Java vehicle register for trying the hub (`flask --app posapp.hub seed-vehicles N`)."""
import random
from datetime import date, timedelta

from sqlalchemy.dialects.postgresql import insert

from .extensions import db
from .models import Vehicle

REGIONS = ("L", "L", "L", "W", "S", "N", "P", "M", "AE", "AG")  # Surabaya weighs most
CLASSES = [("motor", 70, (110, 160)), ("jeep_minibus", 14, (1300, 2400)), ("sedan", 4, (1300, 2000)),
           ("pickup", 7, (1500, 2500)), ("truk_ringan", 3, (2500, 4000)), ("microbus", 2, (2000, 3000))]
NJKB = {"motor": (9_000_000, 35_000_000), "jeep_minibus": (120_000_000, 450_000_000),
        "sedan": (150_000_000, 600_000_000), "pickup": (90_000_000, 220_000_000),
        "truk_ringan": (180_000_000, 350_000_000), "microbus": (200_000_000, 400_000_000)}
BRANDS = {"motor": ("Honda Beat", "Yamaha NMAX", "Honda Vario", "Suzuki Satria"),
          "jeep_minibus": ("Toyota Avanza", "Daihatsu Xenia", "Mitsubishi Xpander"),
          "sedan": ("Toyota Vios", "Honda City"), "pickup": ("Suzuki Carry", "Daihatsu Gran Max"),
          "truk_ringan": ("Mitsubishi Colt Diesel",), "microbus": ("Isuzu Elf",)}
NAMES = ("Ahmad", "Siti", "Muhammad", "Nur", "Abdul", "Fatimah", "Imam", "Khoirul", "Dewi", "Hasan", "Aminah",
         "Rizky", "Zainal", "Umi", "Fauzi", "Lailatul", "Syaiful", "Anisa")


def make_vehicle(rng: random.Random, index: int, today: date) -> dict:
    region = rng.choice(REGIONS)
    vehicle_class = rng.choices([c[0] for c in CLASSES], [c[1] for c in CLASSES])[0]
    low, high = next((c[2] for c in CLASSES if c[0] == vehicle_class))
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice((1, 2, 2, 3))))
    plate = f"{region}{1000 + index % 9000}{letters}"
    due = today + timedelta(days=rng.randint(-500, 300))
    stnk = due + timedelta(days=365 * rng.randint(0, 4))
    if rng.random() < 0.03:
        stnk = today + timedelta(days=rng.randint(-60, 25))  # five-yearly renewal due
        due = stnk - timedelta(days=rng.randint(0, 300))
    cc = rng.choice((50, 110, 125, 150, 155, 250, 300)) if vehicle_class == "motor" else rng.randint(low, high)
    return {"plate": plate, "vehicle_class": vehicle_class, "cc": cc,
            "njkb": rng.randrange(*NJKB[vehicle_class], 50_000), "ownership_order": rng.choices((1, 2, 3), (85, 12, 3))[0],
            "tax_due": due, "stnk_valid_until": stnk, "blocked": rng.random() < 0.02, "public_transport": False,
            "owner_name": f"{rng.choice(NAMES)} {rng.choice(NAMES)}",
            "chassis_no": "MH1" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(14)),
            "brand": rng.choice(BRANDS[vehicle_class])}


def seed_vehicles(count: int, today: date, seed: int = 2025) -> int:
    """Insert `count` vehicles (plates that already exist are kept); returns how many were new."""
    rng, added = random.Random(seed), 0
    rows = {}
    for index in range(count * 2):
        row = make_vehicle(rng, index, today)
        rows.setdefault(row["plate"], row)
        if len(rows) >= count:
            break
    values = list(rows.values())
    for start in range(0, len(values), 1000):
        result = db.session.execute(insert(Vehicle).values(values[start:start + 1000]).on_conflict_do_nothing()
                                    .returning(Vehicle.plate))
        added += len(result.all())
    return added
