"""The working-day calendar and the consulting models in the Django admin (the calendar is "configurable" here)."""

from django.contrib import admin

from yunzhao.consulting.models import Booking, MeetingSlot, Question
from yunzhao.core.models import CalendarDay

if not admin.site.is_registered(CalendarDay):

    @admin.register(CalendarDay)
    class CalendarDayAdmin(admin.ModelAdmin[CalendarDay]):
        list_display = ("date", "is_working_day", "name")
        list_filter = ("is_working_day",)
        date_hierarchy = "date"
        search_fields = ("name",)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ("reference", "subject", "department", "status", "asked_at", "due_at", "first_replied_at")
    list_filter = ("status", "department")
    search_fields = ("reference", "subject", "email")


@admin.register(MeetingSlot)
class MeetingSlotAdmin(admin.ModelAdmin[MeetingSlot]):
    list_display = ("starts_at", "ends_at", "officer", "department", "is_published")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin[Booking]):
    list_display = ("slot", "name", "email", "booked_at", "cancelled_at")
