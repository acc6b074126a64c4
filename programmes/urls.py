from django.urls import path

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("areas-of-work/", views.ThemeListView.as_view(), name="theme_list"),
    path("areas-of-work/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme_detail"),
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path("partners/<slug:slug>/", views.PartnerDetailView.as_view(), name="partner_detail"),
    path("where-we-work/", views.WhereWeWorkView.as_view(), name="where_we_work"),
    path("where-we-work/<slug:slug>/", views.PlaceDetailView.as_view(), name="place_detail"),
]
