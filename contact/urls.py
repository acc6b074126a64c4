from django.urls import path

from contact import views

app_name = "contact"

# Never /media/: that address serves uploads.
urlpatterns = [
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("press/", views.PressView.as_view(), name="press"),
]
