from django.conf import settings
from django.views.generic import DetailView, ListView

from newsroom.models import Article


class ArticleListView(ListView):
    template_name = "newsroom/article_list.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class ArticleDetailView(DetailView):
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("hero")
            .prefetch_related("programmes", "themes", "partners")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_articles"] = Article.objects.related_to(self.object).for_listing()[:4]
        return context
