import pytest
from django.core import mail

from tests.factories import PASSWORD, DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.LEADER, Role.DEPARTMENT_HEAD, Role.OFFICER])
def test_staff_log_in_by_email_and_land_in_the_back_office(client, role):
    UserFactory(email="staff@example.org", role=role)
    response = client.post("/en/accounts/login/", {"username": "Staff@Example.org", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/office/"
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.INVESTOR, Role.EXHIBITOR])
def test_outside_accounts_are_kept_out_of_the_back_office(client, role):
    user = UserFactory(role=role, department=None)
    client.force_login(user)
    assert client.get("/en/office/").status_code == 403
    assert client.get("/en/office/enterprises/").status_code == 403
    assert client.get("/en/office/audit/").status_code == 403


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/zh-hans/office/")
    assert response.status_code == 302
    assert response["Location"].startswith("/zh-hans/accounts/login/?next=")


def test_wrong_password_says_so_in_the_users_language(client, officer):
    response = client.post("/zh-hans/accounts/login/", {"username": officer.email, "password": "wrong"})
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()


def test_password_reset_sends_a_working_link(client, officer):
    response = client.post("/en/accounts/password/reset/", {"email": officer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    path = "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "new-harbour-light-7", "new_password2": "new-harbour-light-7"},
    )
    assert response.status_code == 302
    assert client.login(username=officer.email, password="new-harbour-light-7")


def test_department_head_reads_projects_of_departments_under_them():
    from tests.factories import ProjectFactory

    bureau = DepartmentFactory(name="投资促进局")
    unit = DepartmentFactory(name="招商一部", parent=bureau)
    other = DepartmentFactory(name="招商二部")
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=bureau)
    officer = UserFactory(role=Role.OFFICER, department=unit)
    leader = UserFactory(role=Role.LEADER, department=None)
    investor = UserFactory(role=Role.INVESTOR, department=None)
    inside = ProjectFactory(department=unit, owner=officer)
    outside = ProjectFactory(department=other)

    assert head.has_perm("pipeline.view_project", inside)
    assert not head.has_perm("pipeline.view_project", outside)
    assert officer.has_perm("pipeline.view_project", inside)
    assert not officer.has_perm("pipeline.view_project", outside)
    assert leader.has_perm("pipeline.view_project", outside)
    assert not investor.has_perm("pipeline.view_project", inside)
    assert officer.has_perm("pipeline.change_project", inside)
    assert not leader.has_perm("pipeline.change_project", inside)
