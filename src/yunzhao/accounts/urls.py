from django.urls import path

from yunzhao.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("welcome/", views.after_login, name="after-login"),
    path("register/", views.InvestorRegistrationView.as_view(), name="register"),
    path("confirm/<str:token>/", views.ConfirmEmailView.as_view(), name="confirm-email"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("password/reset/done/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
]
