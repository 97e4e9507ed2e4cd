import pytest

from tests.factories import DepartmentFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.pipeline import circulation
from yunzhao.pipeline.models import Handover, HandoverStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    first = DepartmentFactory(name="招商一部")
    district = DepartmentFactory(name="大兴区", kind="district")
    sender = UserFactory(role=Role.OFFICER, department=first, full_name="张三")
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district, full_name="李四")
    receiver = UserFactory(role=Role.OFFICER, department=district)
    project = ProjectFactory(department=first, owner=sender, title_zh_hans="电池项目")
    return {
        "first": first,
        "district": district,
        "sender": sender,
        "head": head,
        "receiver": receiver,
        "project": project,
    }


def test_hand_over_a_project(api_for, setting):
    s = setting

    response = api_for(s["sender"]).post(
        f"/projects/{s['project'].pk}/handovers", {"to_department": s["district"].pk, "note": "落地大兴"}
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    handover = Handover.objects.get()
    assert body["id"] == handover.pk
    assert body["project"] == {"id": s["project"].pk, "name": "电池项目"}
    assert body["from_department"] == {"id": s["first"].pk, "name": "招商一部"}
    assert body["to_department"] == {"id": s["district"].pk, "name": "大兴区"}
    assert (body["status"], body["status_label"], body["note"]) == ("pending", "Waiting for the receiver", "落地大兴")
    assert body["requested_by"] == {"id": s["sender"].pk, "name": "张三"}
    assert body["decided_at"] is None


def test_second_pending_hand_over_is_409(api_for, setting):
    s = setting
    api = api_for(s["sender"])
    api.post(f"/projects/{s['project'].pk}/handovers", {"to_department": s["district"].pk})

    response = api.post(f"/projects/{s['project'].pk}/handovers", {"to_department": DepartmentFactory().pk})

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This project already has a hand-over waiting for an answer.",
        "code": "handover_refused",
        "errors": {},
    }


def test_hand_over_to_own_department_is_409(api_for, setting):
    s = setting

    response = api_for(s["sender"]).post(f"/projects/{s['project'].pk}/handovers", {"to_department": s["first"].pk})

    assert response.status_code == 409
    assert response.json()["detail"] == "The project is already with this department."


def test_hand_over_to_unknown_department_is_a_field_error(api_for, setting):
    s = setting

    response = api_for(s["sender"]).post(f"/projects/{s['project'].pk}/handovers", {"to_department": 999999})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["to_department"]


def test_receiving_head_accepts(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])

    response = api_for(s["head"]).post(f"/handovers/{handover.pk}/accept")

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "accepted"
    assert response.json()["decided_by"] == {"id": s["head"].pk, "name": "李四"}
    s["project"].refresh_from_db()
    assert s["project"].department == s["district"]


def test_receiving_officer_may_not_answer(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])

    response = api_for(s["receiver"]).post(f"/handovers/{handover.pk}/accept")

    assert response.status_code == 403


def test_stranger_gets_404(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    stranger = UserFactory(role=Role.OFFICER, department=DepartmentFactory())

    assert api_for(stranger).post(f"/handovers/{handover.pk}/accept").status_code == 404
    assert api_for(stranger).get(f"/handovers/{handover.pk}").status_code == 404


def test_reject_needs_a_reason(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    api = api_for(s["head"])

    blank = api.post(f"/handovers/{handover.pk}/reject", {"reason": "  "})
    missing = api.post(f"/handovers/{handover.pk}/reject", {})
    done = api.post(f"/handovers/{handover.pk}/reject", {"reason": "不符合产业定位"})

    assert blank.status_code == 422
    assert blank.json()["errors"] == {"reason": ["This field cannot be blank."]}
    assert missing.json()["errors"] == {"reason": ["This field is required."]}
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["reason"]) == ("rejected", "不符合产业定位")


def test_answering_twice_is_409(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])
    api = api_for(s["head"])
    api.post(f"/handovers/{handover.pk}/accept")

    response = api.post(f"/handovers/{handover.pk}/accept")

    assert response.status_code == 409
    assert response.json()["detail"] == "This hand-over has already been answered."


def test_sender_cancels_receiver_may_not(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])

    refused = api_for(s["receiver"]).post(f"/handovers/{handover.pk}/cancel", {"reason": "x"})
    done = api_for(s["sender"]).post(f"/handovers/{handover.pk}/cancel", {"reason": "客户改变主意"})

    assert refused.status_code == 403
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["status_label"]) == ("cancelled", "Withdrawn")
    assert Handover.objects.get().status == HandoverStatus.CANCELLED


def test_read_a_hand_over(api_for, setting):
    s = setting
    handover = circulation.hand_over(project=s["project"], to_department=s["district"], by=s["sender"])

    response = api_for(s["head"]).get(f"/handovers/{handover.pk}")

    assert response.status_code == 200
    assert response.json()["to_department"]["id"] == s["district"].pk
