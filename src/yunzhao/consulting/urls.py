"""Back-office routes of this app, inside the office namespace, at /<lang>/office/consulting/."""

from django.urls import path

from yunzhao.consulting.views import office

urlpatterns = [
    path("", office.QuestionListView.as_view(), name="question-list"),
    path("<int:pk>/", office.QuestionDetailView.as_view(), name="question-detail"),
    path("<int:pk>/reply/", office.QuestionReplyView.as_view(), name="question-reply"),
    path("<int:pk>/reassign/", office.QuestionReassignView.as_view(), name="question-reassign"),
    path("metrics/", office.MetricsView.as_view(), name="consulting-metrics"),
    path("faq/", office.FaqListView.as_view(), name="consulting-faq-list"),
    path("faq/new/", office.FaqEditView.as_view(), name="consulting-faq-create"),
    path("faq/<int:pk>/", office.FaqEditView.as_view(), name="consulting-faq-edit"),
    path("topics/", office.TopicListView.as_view(), name="consulting-topic-list"),
    path("topics/new/", office.TopicEditView.as_view(), name="consulting-topic-create"),
    path("topics/<int:pk>/", office.TopicEditView.as_view(), name="consulting-topic-edit"),
    path("slots/", office.SlotListView.as_view(), name="consulting-slot-list"),
    path("slots/<int:pk>/withdraw/", office.SlotWithdrawView.as_view(), name="consulting-slot-withdraw"),
    path("bookings/<int:pk>/cancel/", office.BookingCancelView.as_view(), name="consulting-booking-cancel"),
]
