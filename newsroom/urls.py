from django.urls import path

from newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article_list"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
