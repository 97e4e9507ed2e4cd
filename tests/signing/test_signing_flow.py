"""The signing rules: order, turns, one-time codes, deadlines, voiding, secret links."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.signing.conftest import last_code, link_token, mails_to, signature_png
from yunzhao.signing import agreements, codes, signatures
from yunzhao.signing.invitations import hash_token
from yunzhao.signing.models import AgreementStatus, EventKind, OneTimeCode, Signatory, SigningEvent, SigningOrder

pytestmark = pytest.mark.django_db


def signatories(agreement):
    return list(agreement.signatories.order_by("order"))


def test_sending_a_sequential_agreement_emails_only_the_first_signatory(make_agreement):
    agreement = make_agreement(SigningOrder.SEQUENTIAL)
    first, second = signatories(agreement)

    assert agreement.status == AgreementStatus.SENT
    assert [m.to for m in mail.outbox] == [[first.email]]
    assert first.token_hash == hash_token(link_token(first.email))
    assert second.token_hash is None
    assert codes.signatory_for_token(link_token(first.email)) == first


def test_sending_a_parallel_agreement_emails_everyone(make_agreement):
    agreement = make_agreement(SigningOrder.PARALLEL)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in signatories(agreement))


def test_the_next_signatory_is_emailed_when_the_previous_signs(make_agreement, sign_through):
    agreement = make_agreement(SigningOrder.SEQUENTIAL)
    first, second = signatories(agreement)

    sign_through(first)

    second.refresh_from_db()
    assert second.token_hash == hash_token(link_token(second.email))
    assert codes.signatory_for_token(link_token(second.email)) == second


def test_in_sequential_order_only_the_current_signatory_may_sign(make_agreement, run_on_commit):
    agreement = make_agreement(SigningOrder.SEQUENTIAL)
    _first, second = signatories(agreement)
    # Even with a code confirmed (say staff re-sent the second link early), the turn is refused.
    OneTimeCode.objects.create(signatory=second, code_hash="x", expires_at=timezone.now(), used_at=timezone.now())

    with pytest.raises(ValidationError) as refused:
        signatures.sign(signatory=second, typed_name="Amina Al Mansouri", signature_png=None)

    assert refused.value.code == "not_your_turn"
    assert Signatory.objects.filter(signed_at__isnull=False).count() == 0


def test_in_parallel_order_anyone_may_sign_first(make_agreement, sign_through):
    agreement = make_agreement(SigningOrder.PARALLEL)
    first, second = signatories(agreement)

    sign_through(second)
    sign_through(first)

    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.COMPLETED


def test_the_last_signature_completes_the_agreement_and_queues_the_final_pdf(make_agreement, sign_through):
    agreement = make_agreement()
    first, second = signatories(agreement)

    sign_through(first)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SENT
    sign_through(second)

    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.COMPLETED
    assert agreement.completed_at is not None
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs["args"]) == (
        "yunzhao.signing.tasks.finalise_agreement",
        [agreement.pk],
    )


def test_signing_records_address_browser_and_drawn_signature(make_agreement, sign_through):
    agreement = make_agreement()
    first, _second = signatories(agreement)

    sign_through(first, png=signature_png(), ip="192.0.2.44")

    first.refresh_from_db()
    assert (first.signed_ip, first.signed_user_agent, first.signed_name) == (
        "192.0.2.44",
        "Browser of 王局长",
        "王局长",
    )
    assert bytes(first.signature_png).startswith(b"\x89PNG")
    steps = list(SigningEvent.objects.filter(signatory=first).values_list("kind", "ip_address"))
    assert steps == [
        (EventKind.INVITED, None),
        (EventKind.CODE_SENT, "192.0.2.44"),
        (EventKind.VERIFIED, "192.0.2.44"),
        (EventKind.SIGNED, "192.0.2.44"),
    ]


def test_signing_needs_a_confirmed_code(make_agreement):
    first, _second = signatories(make_agreement())

    with pytest.raises(ValidationError) as refused:
        signatures.sign(signatory=first, typed_name="王局长", signature_png=None)

    assert refused.value.code == "not_verified"


# --- One-time codes -----------------------------------------------------------------------------


def test_a_code_works_once(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        codes.request_code(signatory=first)
    code = last_code(first.email)

    assert codes.check_code(signatory=first, code=code) is codes.CodeCheck.ACCEPTED
    assert codes.check_code(signatory=first, code=code) is codes.CodeCheck.NONE_LIVE


def test_a_code_works_for_ten_minutes_only(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        one_time = codes.request_code(signatory=first)
    code = last_code(first.email)
    assert one_time.expires_at - one_time.created_at == dt.timedelta(minutes=10)
    OneTimeCode.objects.filter(pk=one_time.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))

    assert codes.check_code(signatory=first, code=code) is codes.CodeCheck.NONE_LIVE


def test_five_wrong_tries_spend_the_code(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        codes.request_code(signatory=first)
    code = last_code(first.email)
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    results = [codes.check_code(signatory=first, code=wrong) for _ in range(codes.MAX_ATTEMPTS)]

    assert results == [codes.CodeCheck.WRONG] * codes.MAX_ATTEMPTS
    assert codes.check_code(signatory=first, code=code) is codes.CodeCheck.NONE_LIVE
    assert SigningEvent.objects.filter(signatory=first, kind=EventKind.CODE_FAILED).count() == 5


def test_a_new_code_replaces_the_old_one(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        codes.request_code(signatory=first)
    old = last_code(first.email)
    with run_on_commit():
        codes.request_code(signatory=first)
    new = last_code(first.email)

    if old != new:
        assert codes.check_code(signatory=first, code=old) is codes.CodeCheck.WRONG
    assert codes.check_code(signatory=first, code=new) is codes.CodeCheck.ACCEPTED


def test_codes_are_stored_hashed(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        one_time = codes.request_code(signatory=first)

    assert last_code(first.email) not in one_time.code_hash
    assert len(one_time.code_hash) == 64


def test_only_a_few_codes_an_hour(make_agreement, run_on_commit):
    first, _second = signatories(make_agreement())
    with run_on_commit():
        for _ in range(codes.MAX_CODES_PER_HOUR):
            codes.request_code(signatory=first)

    with pytest.raises(ValidationError) as refused:
        codes.request_code(signatory=first)
    assert refused.value.code == "too_many_codes"


# --- Deadlines, voiding, links ------------------------------------------------------------------


def test_an_expired_agreement_cannot_be_signed(make_agreement, sign_through):
    agreement = make_agreement(expires_at=timezone.now() + dt.timedelta(days=3))
    first, _second = signatories(agreement)
    agreement.__class__.objects.filter(pk=agreement.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    first.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        codes.request_code(signatory=first)

    assert refused.value.code == "closed"
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.EXPIRED
    assert SigningEvent.objects.filter(agreement=agreement, kind=EventKind.EXPIRED).count() == 1


def test_a_deadline_in_the_past_cannot_be_sent(make_agreement):
    with pytest.raises(ValidationError) as refused:
        make_agreement(expires_at=timezone.now() - dt.timedelta(hours=1))
    assert "expires_at" in refused.value.message_dict


def test_a_voided_agreement_cannot_be_signed(make_agreement, staff_member, run_on_commit):
    agreement = make_agreement()
    first, _second = signatories(agreement)
    with run_on_commit():
        codes.request_code(signatory=first)
    code = last_code(first.email)

    agreements.void_agreement(agreement=agreement, by=staff_member, reason="双方决定重新谈判")

    first.refresh_from_db()
    assert not codes.is_open_for_signing(first)
    assert codes.check_code(signatory=first, code=code) is codes.CodeCheck.ACCEPTED  # proves identity only
    with pytest.raises(ValidationError) as refused:
        signatures.sign(signatory=first, typed_name="王局长", signature_png=None)
    assert refused.value.code == "closed"
    agreement.refresh_from_db()
    assert (agreement.status, agreement.void_reason) == (AgreementStatus.VOIDED, "双方决定重新谈判")


def test_voiding_needs_a_reason(make_agreement, staff_member):
    agreement = make_agreement()

    with pytest.raises(ValidationError):
        agreements.void_agreement(agreement=agreement, by=staff_member, reason="  ")


def test_a_guessed_link_finds_nobody(make_agreement):
    make_agreement()

    assert codes.signatory_for_token("A" * 43) is None
    assert codes.signatory_for_token("") is None


def test_a_link_used_to_sign_finds_nobody_afterwards(make_agreement, sign_through):
    agreement = make_agreement()
    first, _second = signatories(agreement)
    token = link_token(first.email)

    sign_through(first)

    assert codes.signatory_for_token(token) is None


def test_a_sent_agreement_is_fixed(make_agreement, staff_member):
    agreement = make_agreement()

    with pytest.raises(ValidationError) as refused:
        agreements.add_party(
            agreement=agreement,
            by=staff_member,
            name="Late party",
            signatories=[{"name": "X", "email": "x@example.com", "language": "en"}],
        )
    assert refused.value.code == "not_draft"


def test_an_agreement_without_a_document_cannot_be_sent(staff_member):
    agreement = agreements.create_agreement(by=staff_member, title_zh_hans="无文件协议")

    with pytest.raises(ValidationError) as refused:
        agreements.send_agreement(agreement=agreement, by=staff_member)
    assert refused.value.code == "no_document"


def test_every_write_is_audited(make_agreement, sign_through):
    from yunzhao.core.audit import history_for

    agreement = make_agreement()
    first, second = signatories(agreement)
    sign_through(first)
    sign_through(second)

    actions = sorted(set(history_for(agreement).values_list("action", flat=True)))
    assert actions == [
        "agreement.completed",
        "agreement.created",
        "agreement.document.attached",
        "agreement.party.added",
        "agreement.sent",
        "agreement.signatory.added",
        "agreement.signatory.invited",
        "agreement.signatory.verified",
        "agreement.signed",
    ]


def test_signing_mails_speak_the_signatorys_language(make_agreement, sign_through):
    agreement = make_agreement()
    first, second = signatories(agreement)

    sign_through(first)

    invitation = mails_to(second.email)[0]
    assert "/ar/sign/" in invitation.body
    assert "اتفاقية التعاون الاستثماري" in invitation.subject
    assert "/zh-hans/sign/" in mails_to(first.email)[0].body


def test_signing_progress_gives_status_and_counts_for_a_ceremony(
    make_agreement, sign_through, django_assert_num_queries
):
    from yunzhao.signing.queries import signing_progress

    sequential = make_agreement()
    parallel = make_agreement(SigningOrder.PARALLEL, send=False)
    sign_through(signatories(sequential)[0])

    with django_assert_num_queries(1):
        progress = signing_progress([sequential, parallel.pk, 999_999])

    assert {pk: (p.status, p.signed, p.total) for pk, p in progress.items()} == {
        sequential.pk: ("sent", 1, 2),
        parallel.pk: ("draft", 0, 2),
    }
