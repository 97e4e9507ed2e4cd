"""Company identifiers with their check digits, for demonstration data that looks right.

China's unified social credit code (统一社会信用代码, GB 32100-2015) is 18 characters:

    9 1 110115 MA01ABCD5 X
    | | |      |         `-- check character (this module)
    | | |      `------------ subject identifier: the GB 11714 organisation code, itself checked
    | | `------------------- administrative division code (110115 = Beijing, Daxing District)
    | `--------------------- kind of subject (1 = enterprise)
    `----------------------- registering authority (9 = market regulation)

The check character: weight the first 17 characters' values (their position in
``CREDIT_CODE_ALPHABET``) by 3^i mod 31, i.e. 1, 3, 9, 27, 19, 26, 16, … ; the check value
is 31 − (sum mod 31), where 31 becomes 0.

Foreign registration numbers carry their own country's check digit where it has a
published, simple one (Japan's corporate number, Korea's business registration number,
Belgium's enterprise number, the Luhn digit of France's SIREN and Sweden's
organisationsnummer); the others only have their country's format.
"""

from __future__ import annotations

import random

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORGANISATION_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def credit_code_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code whose first 17 are given."""
    if len(first17) != 17:
        raise ValueError("a credit code's check character is computed from 17 characters")
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when ``code`` has the form of GB 32100-2015 and a correct check character."""
    if len(code) != 18 or any(char not in CREDIT_CODE_ALPHABET for char in code):
        return False
    return credit_code_check_char(code[:17]) == code[17]


def organisation_code_check_char(first8: str) -> str:
    """The 9th character of a GB 11714 organisation code (digits and capital letters)."""
    total = sum(
        (int(char) if char.isdigit() else ord(char) - 55) * weight
        for char, weight in zip(first8, ORGANISATION_CODE_WEIGHTS, strict=True)
    )
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_credit_code(rng: random.Random, *, region: str) -> str:
    """A well-formed code of an enterprise (91) registered in ``region`` (six digits)."""
    body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = f"91{region}{body}{organisation_code_check_char(body)}"
    return first17 + credit_code_check_char(first17)


def japan_corporate_number_check_digit(base12: str) -> int:
    """Japan's 法人番号: 9 − (Σ digit × (1 or 2, alternating from the right) mod 9)."""
    total = sum(int(digit) * (2 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(base12), 1))
    return 9 - total % 9


def korea_business_number_check_digit(first9: str) -> int:
    digits = [int(digit) for digit in first9]
    total = sum(digit * weight for digit, weight in zip(digits, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True))
    total += digits[8] * 5 // 10
    return (10 - total % 10) % 10


def luhn_check_digit(payload: str) -> int:
    total = 0
    for position, digit in enumerate(reversed(payload)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def make_registration_number(rng: random.Random, country: str) -> str:
    """A registration number in the form ``country`` uses for its companies."""
    if country == "JP":
        base = rng.choice("0123456789") + _digits(rng, 11)
        return f"{japan_corporate_number_check_digit(base)}{base}"
    if country == "KR":
        first9 = f"{rng.randint(101, 899)}{rng.choice(('81', '86', '87'))}{_digits(rng, 4)}"
        digits = f"{first9}{korea_business_number_check_digit(first9)}"
        return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if country == "BE":
        first8 = f"0{rng.randint(2000000, 8999999)}"
        check = 97 - int(first8) % 97
        digits = f"{first8}{check:02d}"
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    if country == "FR":
        payload = rng.choice("3456789") + _digits(rng, 7)
        return f"{payload}{luhn_check_digit(payload)}"
    if country == "SE":
        payload = "5560" + _digits(rng, 5)
        digits = f"{payload}{luhn_check_digit(payload)}"
        return f"{digits[:6]}-{digits[6:]}"
    formats = {
        "US": lambda: f"{rng.randint(10, 98)}-{_digits(rng, 7)}",
        "DE": lambda: f"HRB {rng.randint(10000, 259999)}",
        "GB": lambda: f"{rng.randint(1000000, 14999999):08d}",
        "SG": lambda: f"{rng.randint(2005, 2023)}{_digits(rng, 5)}{rng.choice('CDEGHKMNRWZ')}",
        "AE": lambda: f"CN-{rng.randint(1000000, 4999999)}",
        "ES": lambda: f"B{_digits(rng, 8)}",
        "CH": lambda: f"CHE-{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)}",
        "HK": lambda: f"{rng.randint(1000000, 3499999)}",
        "TW": lambda: _digits(rng, 8),
    }
    return formats[country]()
