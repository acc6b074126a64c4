"""Site-wide pages that compose several apps."""

from django import forms
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from ilo_office import search
from ilo_office.fragments import once_per_generation
from ilo_office.pages.home import shown_blocks


class HomeView(TemplateView):
    """The home page: the blocks staff chose, in their order (see ilo_office.pages.home)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        # The callable, not its result: the template calls it only when the blocks are
        # not already kept for this content generation (templates/home.html).
        return super().get_context_data(blocks=shown_blocks, **kwargs)


@never_cache
def health(request):
    """For the load balancer: 200 when the app can reach its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the site"), required=False)
    type = forms.ChoiceField(
        label=gettext_lazy("Show"),
        required=False,
        choices=[("", gettext_lazy("All results")), *search.TYPE_CHOICES],
    )


class SearchView(TemplateView):
    """/search/?q=: published news, events, programmes, office pages, areas of work and
    partners, best match first.

    Nothing a reader types is an error: an empty or junk query gets a page that says
    what to type, a bad type or page number is ignored with a notice.
    """

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        data = self.request.GET
        query = search.Query.parse(data.get("q", ""))
        notices = []
        form = SearchForm({"q": query.text, "type": data.get("type", "")})
        form.is_valid()
        if "type" in form.errors:
            notices.append(self._ignored(form.fields["type"].label, data.get("type", "")))
            form = SearchForm({"q": query.text, "type": ""})
            form.is_valid()
        if query.truncated:
            notices.append(
                _("Your search was long: only its first %(count)s characters were used.")
                % {"count": search.MAX_QUERY_LENGTH}
            )
        section = form.cleaned_data.get("type") or ""
        context = {
            "form": form,
            "query": query,
            "section": search.SECTIONS.get(section),
            "sections": search.SECTIONS.values(),
            "notices": notices,
            "page_obj": None,
            "results": [],
        }
        if query:
            types = [section] if section else None
            page_number = data.get("page", "1")
            # One query counts the matches and returns the page asked for and page 1.
            hits = search.search(query, types, page=page_number, per_page=settings.PAGE_SIZE)
            paginator = Paginator(hits, settings.PAGE_SIZE)
            try:
                page_obj = paginator.page(page_number)
            except InvalidPage:
                notices.append(
                    _("There is no page “%(page)s” of results; here is the first.")
                    % {"page": "".join(filter(str.isprintable, page_number))[:20]}
                )
                page_obj = paginator.page(1)
            context.update(
                hits=hits,
                page_obj=page_obj,
                paginator=paginator,
                results=search.load_results(list(page_obj), query, types),
            )
            if not paginator.count or hits.fuzzy:
                # Read from the cache: no query until the content changes.
                words = once_per_generation(
                    "search-vocabulary", search.vocabulary, request=self.request, by_language=False
                )
                context["suggestion"] = search.suggest(query, words)
        return super().get_context_data(**context, **kwargs)

    @staticmethod
    def _ignored(label, value):
        # The same sentence as the lists' filters (ilo_office.filtering).
        value = "".join(filter(str.isprintable, value))[:100]
        return _("The filter “%(label)s” was ignored: “%(value)s” is not a valid choice.") % {
            "label": label,
            "value": value,
        }


@require_GET
def robots_txt(request):
    """/robots.txt: crawl everything public; not the back office or previews; the sitemap."""
    private = [f"/{settings.ADMIN_URL.strip('/')}/", "/preview/"]
    # Every language: the back office and previews also answer under /vi/.
    prefixes = [""] + [
        f"/{code}" for code, _n in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {lang}{path}" for path in private for lang in prefixes]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
