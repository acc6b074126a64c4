from django.urls import path

from ilo_office.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.OfficeLandingView.as_view(), name="office_landing"),
    path("<slug:slug>/", views.OfficePageView.as_view(), name="office_page"),
]
