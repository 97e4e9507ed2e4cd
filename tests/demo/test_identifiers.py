import random

import pytest

from yunzhao.demo.identifiers import (
    credit_code_check_char,
    is_valid_credit_code,
    japan_corporate_number_check_digit,
    korea_business_number_check_digit,
    luhn_check_digit,
    make_credit_code,
    make_registration_number,
    organisation_code_check_char,
)

# Codes of real companies as published in the National Enterprise Credit Information Publicity System.
PUBLISHED_CREDIT_CODES = [
    "91110000600037341L",
    "91330100799655058B",
    "9144030071526726XG",
    "914403001922038216",
    "91110000802100433B",
    "91110108558521630L",
    "91110000710935003U",
]


@pytest.mark.parametrize("code", PUBLISHED_CREDIT_CODES)
def test_is_valid_credit_code_accepts_published_codes(code):
    assert is_valid_credit_code(code)
    # The subject identifier is a GB 11714 organisation code with its own check character.
    assert organisation_code_check_char(code[8:16]) == code[16]


def test_credit_code_check_char_by_hand():
    # 9 1 1 1 0 0 0 0 6 0 0 0 3 7 3 4 1 weighted by 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    # 9 + 3 + 9 + 27 + 120 + 24 + 168 + 30 + 120 + 28 = 538; 538 mod 31 = 11; 31 − 11 = 20 → "L".
    assert credit_code_check_char("91110000600037341") == "L"
    # A sum divisible by 31 gives check value 31, written 0.
    assert credit_code_check_char("00000000000000000") == "0"


@pytest.mark.parametrize(
    "code",
    [
        "91110000600037341A",  # wrong check character
        "91110000600037314L",  # two characters swapped
        "9111000060003734L",  # too short
        "91110000600O37341L",  # O is not in the alphabet
        "91110000600037341l",  # lower case
    ],
)
def test_is_valid_credit_code_rejects(code):
    assert not is_valid_credit_code(code)


def test_make_credit_code_gives_valid_codes_of_the_region():
    rng = random.Random(1)
    codes = [make_credit_code(rng, region="110115") for _ in range(500)]

    assert all(is_valid_credit_code(code) and code.startswith("91110115") for code in codes)
    assert all(organisation_code_check_char(code[8:16]) == code[16] for code in codes)


def test_japan_corporate_number_check_digit():
    assert japan_corporate_number_check_digit("000012050002") == 7  # the National Tax Agency, 7000012050002


def test_korea_business_number_check_digit():
    assert korea_business_number_check_digit("124810099") == 8  # 124-81-00998


def test_luhn_check_digit():
    assert luhn_check_digit("7992739871") == 3  # the textbook example 79927398713


def test_make_registration_number_carries_check_digits():
    rng = random.Random(2)
    japanese = make_registration_number(rng, "JP")
    korean = make_registration_number(rng, "KR").replace("-", "")
    belgian = make_registration_number(rng, "BE").replace(".", "")
    french = make_registration_number(rng, "FR")

    assert int(japanese[0]) == japan_corporate_number_check_digit(japanese[1:])
    assert int(korean[-1]) == korea_business_number_check_digit(korean[:9])
    assert int(belgian[-2:]) == 97 - int(belgian[:8]) % 97
    assert int(french[-1]) == luhn_check_digit(french[:8])
