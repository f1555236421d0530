"""A held-out multilingual PII fixture, made with Faker, to measure detection on data the rules were not written for.

Writes a SQLite database and a labels file: every column is labelled with the kind of personal data it holds,
or none. Column names are what people in each language write (and some say nothing: c1, c2, …); look-alikes
that are not personal data sit beside them. Faker's pools are large and realistic, unlike a hand-made list.

    python3 bench/pii_holdout.py OUT.sqlite LABELS.json [ROWS [SEED]]   (PII_HOLDOUT_HIDE_NAMES=1: t1.c1 … names)
"""
import hashlib
import json
import os
import random
import sqlite3
import string
import sys
import uuid

from faker import Faker


def main(db_path, labels_path, rows=800, seed=7):
    random.seed(seed)
    Faker.seed(seed)
    tables = {}

    def table(name, locale, columns):
        fake = Faker(locale)
        tables[name] = [(column, kind, [make(fake, i) for i in range(rows)]) for column, kind, make in columns]

    def token(prefix, length, alphabet=string.ascii_letters + string.digits):
        return prefix + "".join(random.choice(alphabet) for _ in range(length))

    def product_code(_f, _i):
        return f"{random.choice('ABCDEFGH')}{random.randint(100, 999)}-{random.randint(1000, 9999)}"

    def order_no(_f, i):
        return f"{2026000000 + i * 7}"

    common_non_pii = [
        ("status", None, lambda f, i: random.choice(["open", "closed", "pending", "cancelled"])),
        ("created_at", None, lambda f, i: f.date_time_between("-2y", "now").isoformat(sep=" ", timespec="seconds")),
        ("amount", None, lambda f, i: f"{random.uniform(1, 5000):.2f}"),
    ]
    table("kunden", "de_DE", [
        ("kunden_nr", None, order_no),
        ("vorname", "person_name", lambda f, i: f.first_name()),
        ("nachname", "person_name", lambda f, i: f.last_name()),
        ("e_mail", "email", lambda f, i: f.email()),
        ("telefon", "phone", lambda f, i: f.phone_number()),
        ("geburtsdatum", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).isoformat()),
        ("strasse", "street_address", lambda f, i: f.street_address()),
        ("plz", "postal_code", lambda f, i: f.postcode()),
        ("ort", None, lambda f, i: f.city()),
        ("iban", "iban", lambda f, i: f.iban()),
        ("artikel_nr", None, product_code),
    ] + common_non_pii)
    table("clients", "fr_FR", [
        ("id_client", None, order_no),
        ("prenom", "person_name", lambda f, i: f.first_name()),
        ("nom_famille", "person_name", lambda f, i: f.last_name()),
        ("courriel", "email", lambda f, i: f.email()),
        ("tel_portable", "phone", lambda f, i: f.phone_number()),
        ("date_naissance", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y")),
        ("adresse", "street_address", lambda f, i: f.street_address()),
        ("code_postal", "postal_code", lambda f, i: f.postcode()),
        ("ville", None, lambda f, i: f.city()),
        ("num_secu", "national_id", lambda f, i: f.ssn()),
        ("ref_facture", None, lambda f, i: f"FA-{random.randint(10000, 99999)}"),
    ] + common_non_pii)
    table("clientes", "es_ES", [
        ("cliente_id", None, order_no),
        ("nombre_completo", "person_name", lambda f, i: f.name()),
        ("correo_electronico", "email", lambda f, i: f.email()),
        ("movil", "phone", lambda f, i: f.phone_number()),
        ("fecha_nac", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y")),
        ("domicilio", "street_address", lambda f, i: f.street_address()),
        ("dni", "national_id", lambda f, i: f.nif()),
        ("provincia", None, lambda f, i: f.state()),
        ("producto", None, lambda f, i: random.choice(["Mesa Roble", "Silla Nórdica", "Lámpara Sol", "Sofá Lino"])),
    ] + common_non_pii)
    table("pessoas", "pt_BR", [
        ("pessoa_id", None, order_no),
        ("nome", "person_name", lambda f, i: f.name()),
        ("email_contato", "email", lambda f, i: f.email()),
        ("celular", "phone", lambda f, i: f.cellphone_number()),
        ("data_nascimento", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y")),
        ("logradouro", "street_address", lambda f, i: f.street_name() + ", " + f.building_number()),
        ("cep", "postal_code", lambda f, i: f.postcode()),
        ("cpf", "national_id", lambda f, i: f.cpf()),
        ("cidade", None, lambda f, i: f.city()),
        ("codigo_pedido", None, lambda f, i: f"PED{random.randint(100000, 999999)}"),
    ] + common_non_pii)
    table("klanten", "nl_NL", [
        ("klant_id", None, order_no),
        ("voornaam", "person_name", lambda f, i: f.first_name()),
        ("achternaam", "person_name", lambda f, i: f.last_name()),
        ("emailadres", "email", lambda f, i: f.email()),
        ("telefoonnummer", "phone", lambda f, i: f.phone_number()),
        ("geboortedatum", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d-%m-%Y")),
        ("adres", "street_address", lambda f, i: f.street_address()),
        ("postcode", "postal_code", lambda f, i: f.postcode()),
        ("bsn", "national_id", lambda f, i: f.ssn()),
        ("woonplaats", None, lambda f, i: f.city()),
    ] + common_non_pii)
    table("clienti", "it_IT", [
        ("id", None, lambda f, i: str(i + 1)),
        ("nome", "person_name", lambda f, i: f.first_name()),
        ("cognome", "person_name", lambda f, i: f.last_name()),
        ("email", "email", lambda f, i: f.email()),
        ("telefono", "phone", lambda f, i: f.phone_number()),
        ("data_di_nascita", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).isoformat()),
        ("indirizzo", "street_address", lambda f, i: f.street_address()),
        ("cap", "postal_code", lambda f, i: f.postcode()),
        ("codice_fiscale", "national_id", lambda f, i: f.ssn()),
        ("citta", None, lambda f, i: f.city()),
    ] + common_non_pii)
    table("顧客", "ja_JP", [
        ("顧客番号", None, order_no),
        ("氏名", "person_name", lambda f, i: f.name()),
        ("メールアドレス", "email", lambda f, i: f.email()),
        ("電話番号", "phone", lambda f, i: f.phone_number()),
        ("生年月日", "date_of_birth", lambda f, i: f.date_of_birth(minimum_age=18, maximum_age=90).isoformat()),
        ("住所", "street_address", lambda f, i: f.address().replace("\n", " ")),
        ("郵便番号", "postal_code", lambda f, i: f.postcode()),
        ("商品名", None, lambda f, i: random.choice(["緑茶", "抹茶ラテ", "煎茶セット", "湯呑み"])),
    ] + common_non_pii)
    # Nothing in these names gives anything away: only the values can.
    table("import_raw", "en_US", [
        ("c1", "email", lambda f, i: f.email()),
        ("c2", "person_name", lambda f, i: f.name()),
        ("c3", "phone", lambda f, i: f.phone_number()),
        ("c4", "street_address", lambda f, i: f.street_address()),
        ("c5", None, lambda f, i: str(uuid.UUID(int=random.getrandbits(128), version=4))),
        ("c6", "credit_card", lambda f, i: f.credit_card_number()),
        ("c7", None, lambda f, i: f.company()),
        ("c8", "ip_address", lambda f, i: f.ipv4()),
        ("c9", None, lambda f, i: f"{random.randint(1, 20)}.{random.randint(0, 9)}.{random.randint(0, 30)}"),
    ])
    table("integrations", "en_US", [
        ("integration_id", None, lambda f, i: str(i + 1)),
        ("api_token", "secret", lambda f, i: token("tok_", 32, "0123456789abcdef")),
        ("github_token", "secret", lambda f, i: token("ghp_", 36)),
        ("aws_access_key", "secret", lambda f, i: "AKIA" + "".join(random.choice(string.ascii_uppercase + "234567") for _ in range(16))),
        ("password_hash", "secret", lambda f, i: "$2b$12$" + token("", 53, string.ascii_letters + string.digits + "./")),
        ("row_hash", None, lambda f, i: hashlib.sha256(f"row{i}".encode()).hexdigest()),
        ("request_id", None, lambda f, i: str(uuid.UUID(int=random.getrandbits(128), version=4))),
        ("endpoint", None, lambda f, i: random.choice(["https://api.example.com/v1", "https://hooks.example.org/in"])),
        ("plan", None, lambda f, i: random.choice(["free", "team", "enterprise"])),
    ])

    if os.environ.get("PII_HOLDOUT_HIDE_NAMES"):
        # Every table and column renamed t1, c1…: what values alone tell.
        tables = {f"t{n}": [(f"c{m}", kind, values) for m, (_, kind, values) in enumerate(columns, 1)]
                  for n, columns in enumerate(tables.values(), 1)}
    with sqlite3.connect(db_path) as db:
        for name, columns in tables.items():
            db.execute(f'DROP TABLE IF EXISTS "{name}"')
            db.execute(f'CREATE TABLE "{name}" (' + ", ".join(f'"{c}" TEXT' for c, _, _ in columns) + ")")
            db.executemany(f'INSERT INTO "{name}" VALUES (' + ", ".join("?" for _ in columns) + ")",
                           list(zip(*[values for _, _, values in columns])))
    labels = {f"{t}.{c}": kind for t, columns in tables.items() for c, kind, _ in columns}
    raw = sorted({v for columns in tables.values() for _, kind, values in columns if kind for v in values})
    with open(labels_path, "w", encoding="utf-8") as out:
        json.dump({"labels": labels, "raw": raw}, out, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 800, int(sys.argv[4]) if len(sys.argv) > 4 else 7)
